import pg from "pg";

// A plain node-postgres pool beside Prisma's, for the chat API's hot path (heartbeat, tip): one
// prepared statement per read and one function call per write, without Prisma's per-query runtime,
// which was half of a heartbeat's app CPU (docs/benchmarks.md). Everything else uses Prisma.

const globalForPg = globalThis as unknown as { pgPool?: pg.Pool };

/** Shown in pg_stat_activity for this pool's connections. */
export const HOT_PATH_APPLICATION = "ppv-hot-path";

/** Connections per process, beside Prisma's POOL_SIZE. */
export const PG_POOL_SIZE = 10;

export function pgPool(): pg.Pool {
  if (!globalForPg.pgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the site with `npm start` or set it.");
    const pool = new pg.Pool({ connectionString, max: PG_POOL_SIZE, allowExitOnIdle: true, application_name: HOT_PATH_APPLICATION });
    // An idle connection that PostgreSQL closes (a restart, an admin's pg_terminate_backend) is an
    // 'error' event on the pool: unhandled, it would end the process. The pool drops that client and
    // opens a new one for the next query.
    pool.on("error", (error) => console.error("pg pool: an idle connection failed and was dropped", error.message));
    globalForPg.pgPool = pool;
  }
  return globalForPg.pgPool;
}

/** PostgreSQL's serialization_failure: what the hot path's guarded writes raise when a row moved since it was read. */
export function isSerializationFailure(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "40001";
}
