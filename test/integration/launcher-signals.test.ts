import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

// Item 8 of issue 9 (launcher): SIGTERM or SIGINT to the `npm start` process must stop the whole site
// (Next and the embedded PostgreSQL) and exit; a stale postmaster.pid naming a pid that an unrelated
// process now has must not block start-up. `npm run dev` is the same launcher (scripts/serve.ts)
// without needing a production build.

const SITE_PORT = 3331;
const PG_PORT = 55301;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Pids of every live process in a process group (from /proc). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields[0] !== "Z" && Number(fields[2]) === pgid) members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

describe("the launcher", () => {
  it.each([
    ["SIGTERM", false],
    ["SIGINT", false],
    ["SIGTERM", true],
  ] as const)("stops Next and PostgreSQL and exits on %s to the npm process (PostgreSQL killed before: %s)", { timeout: 180_000 }, async (signal, postgresDiedBefore) => {
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "development", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(SITE_PORT), EMBEDDED_PG_PORT: String(PG_PORT),
      EMBEDDED_PG_DIR: path.join(tempDir("ppv-launcher-"), "pg"), SEED_DEMO: "false", NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "launcher-test-auth-secret".padEnd(40, "x"), CHAT_API_SECRET: "launcher-test-chat-secret".padEnd(40, "y"),
    };
    const npm = spawn("npm", ["run", "dev"], {
      // Its own process group, so the test can find (and, if it fails, kill) everything it started.
      detached: true,
      stdio: "ignore",
      env,
    });
    const pgid = npm.pid!;
    let exited = false;
    npm.once("exit", () => {
      exited = true;
    });
    try {
      await waitFor("the site and PostgreSQL to listen", async () => (await portOpen(SITE_PORT)) && (await portOpen(PG_PORT)), 120_000);
      expect(groupMembers(pgid).length).toBeGreaterThanOrEqual(4);
      if (postgresDiedBefore) {
        for (const pid of groupMembers(pgid)) if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") process.kill(pid, "SIGKILL");
        await waitFor("PostgreSQL to be gone", async () => !(await portOpen(PG_PORT)), 10_000);
      }
      process.kill(pgid, signal);
      await waitFor("the npm process to exit", () => exited, 30_000);
      await waitFor("every process of the site to end", () => groupMembers(pgid).length === 0, 30_000);
      expect(await portOpen(SITE_PORT)).toBe(false);
      expect(await portOpen(PG_PORT)).toBe(false);
    } finally {
      for (const pid of groupMembers(pgid)) process.kill(pid, "SIGKILL");
    }
  });

  it("starts although postmaster.pid names a live pid that is not PostgreSQL", { timeout: 60_000 }, async () => {
    const dataDir = tempDir("ppv-stale-pid-");
    const first = await startEmbeddedDatabase({ dataDir, port: PG_PORT, database: "ppv" });
    const pidFile = path.join(dataDir, "postmaster.pid");
    const lines = readFileSync(pidFile, "utf8").split("\n");
    await first.stop();
    // As after a crash and a reboot: the file is left behind, and its pid now belongs to something else.
    const unrelated = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      writeFileSync(pidFile, [String(unrelated.pid), ...lines.slice(1)].join("\n"));
      const second = await startEmbeddedDatabase({ dataDir, port: PG_PORT, database: "ppv" });
      try {
        const client = new pg.Client({ connectionString: second.url });
        await client.connect();
        expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
        await client.end();
      } finally {
        await second.stop();
      }
    } finally {
      unrelated.kill("SIGKILL");
    }
  });
});
