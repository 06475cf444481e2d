import { existsSync } from "node:fs";
import { EnvError } from "@/lib/env";
import { fillLocalSecrets, prepareDatabase } from "./lib/prepare-database";

// `npm run db:migrate`: apply pending migrations (and the demo data into an empty database unless
// SEED_DEMO=false) without starting the site.
if (existsSync(".env")) process.loadEnvFile(".env");
fillLocalSecrets();
try {
  const { embedded } = await prepareDatabase();
  await embedded?.stop();
  console.log("Database is up to date.");
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
