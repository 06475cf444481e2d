import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { loadEnv, type TEnv } from "@/lib/env";
import { seedDemoData } from "@/prisma/seed/seed-demo";

// Local runs need no configuration: secrets the operator did not set are generated once and kept
// in the git-ignored data folder, so sessions survive restarts and no fixed secret ships in the repo.
export function fillLocalSecrets(dataRoot = ".data"): void {
  const file = path.join(dataRoot, "local-secrets.json");
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const name of ["AUTH_SECRET", "CHAT_API_SECRET"]) {
    if (process.env[name]) continue;
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("hex");
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    console.log(`Generated local secrets in ${file} (set AUTH_SECRET and CHAT_API_SECRET to use your own).`);
  }
}

export type PreparedDatabase = { env: TEnv; url: string; embedded?: EmbeddedDatabase };

/** Validates the environment, starts the embedded database if needed, migrates, seeds. */
export async function prepareDatabase(): Promise<PreparedDatabase> {
  const env = loadEnv();
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, database: "ppv" });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (env.SEED_DEMO) {
      const prisma = createPrismaClient(url);
      try {
        if (await seedDemoData(prisma)) console.log("Loaded the demo data (see README for the accounts).");
      } finally {
        await prisma.$disconnect();
      }
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { env, url, embedded };
}
