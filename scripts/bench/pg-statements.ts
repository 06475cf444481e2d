import type pg from "pg";

// With --pg-statements: the statements PostgreSQL spent its time on during a scenario, from
// pg_stat_statements (execution time inside the server, rows, WAL bytes and full-page images).

export async function enableStatements(pool: pg.Pool): Promise<void> {
  await pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
}

export async function resetStatements(pool: pg.Pool): Promise<void> {
  await pool.query("SELECT pg_stat_statements_reset()");
}

export async function topStatements(pool: pg.Pool, requests: number, limit = 12): Promise<string[]> {
  const { rows } = await pool.query<{ query: string; calls: string; total: number; mean: number; rows: string; wal_bytes: string; wal_fpi: string }>(
    `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls, total_exec_time AS total, mean_exec_time AS mean, rows, wal_bytes, wal_fpi
       FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query !~* 'pg_stat_statements|pg_snapshot_xmax|pg_current_wal_lsn'
      ORDER BY total_exec_time DESC LIMIT $1`,
    [limit],
  );
  const totals = await pool.query<{ total: number; calls: string }>(
    `SELECT COALESCE(SUM(total_exec_time), 0) AS total, COALESCE(SUM(calls), 0) AS calls FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~* 'pg_stat_statements|pg_snapshot_xmax|pg_current_wal_lsn'`,
  );
  const per = (x: number) => (requests ? x / requests : 0);
  const lines = [
    `statements executed: ${per(Number(totals.rows[0]!.calls)).toFixed(1)} per request, ${per(totals.rows[0]!.total).toFixed(2)} ms of execution time per request inside PostgreSQL`,
    "calls/req | mean ms | ms/req | rows/call | WAL B/call | FPI/call | statement",
  ];
  for (const r of rows) {
    const calls = Number(r.calls);
    lines.push(
      `${per(calls).toFixed(2).padStart(9)} | ${r.mean.toFixed(3).padStart(7)} | ${per(r.total).toFixed(3).padStart(6)} | ${(Number(r.rows) / calls).toFixed(1).padStart(9)} | ${(Number(r.wal_bytes) / calls).toFixed(0).padStart(10)} | ${(Number(r.wal_fpi) / calls).toFixed(2).padStart(8)} | ${r.query.length > 160 ? `${r.query.slice(0, 157)}...` : r.query}`,
    );
  }
  return lines;
}
