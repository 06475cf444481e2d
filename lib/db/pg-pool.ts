import pg from "pg";

// A plain node-postgres pool beside Prisma's, for the chat API's hot path (heartbeat, tip): one
// prepared statement per read and one function call per write, without Prisma's per-query runtime,
// which was half of a heartbeat's app CPU (docs/benchmarks.md). Everything else uses Prisma.

const globalForPg = globalThis as unknown as { pgPool?: pg.Pool };

/** Connections per process, beside Prisma's POOL_SIZE. */
export const PG_POOL_SIZE = 10;

export function pgPool(): pg.Pool {
  if (!globalForPg.pgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the site with `npm start` or set it.");
    globalForPg.pgPool = new pg.Pool({ connectionString, max: PG_POOL_SIZE, allowExitOnIdle: true });
  }
  return globalForPg.pgPool;
}

/** PostgreSQL's serialization_failure: what the hot path's guarded writes raise when a row moved since it was read. */
export function isSerializationFailure(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "40001";
}
