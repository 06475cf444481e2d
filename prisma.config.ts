import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine at start even for `generate`, which needs none.
// Pointing it at a placeholder keeps `prisma generate` offline; migrations are applied by the site
// itself (lib/db/migrate.ts), see README "Migrations".
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts", "no-schema-engine");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/placeholder" },
});
