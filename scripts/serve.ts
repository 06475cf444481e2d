import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { EmbeddedDatabaseError } from "@/lib/db/embedded";
import { EnvError } from "@/lib/env";
import { fillLocalSecrets, prepareDatabase } from "./lib/prepare-database";

// `npm start` (production build) and `npm run dev`: prepare the database, then run Next.js with
// DATABASE_URL pointing at it. Stopping this process stops Next.js and the embedded database.

const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  // Variables already in the environment win over the file.
  if (existsSync(".env")) process.loadEnvFile(".env");
  fillLocalSecrets();
  if (!dev && !existsSync(".next/BUILD_ID")) {
    throw new StartupError("No production build found: run `npm run build` first (or `npm run dev`).");
  }
  const { env, url, embedded } = await prepareDatabase();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(env.PORT)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: env.APP_URL, NEXTAUTH_SECRET: process.env.AUTH_SECRET },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
  console.log(`Site: ${env.APP_URL}${embedded ? " (embedded PostgreSQL in " + env.EMBEDDED_PG_DIR + ")" : ""}`);
}

class StartupError extends Error {}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof EmbeddedDatabaseError || error instanceof StartupError;
  console.error(known ? `Cannot start: ${(error as Error).message}` : error);
  process.exit(1);
});
