import type pg from "pg";
import { percentile } from "./stats";

// The database's own ceiling for the write every spend makes: the same two statements as
// lib/server/ledger/apply-credit-change.ts (conditional UPDATE users … RETURNING, then INSERT
// ledger_entries) in one durable transaction, from `clients` pooled node-pg connections in a tight
// loop, without HTTP, signature, idempotency record or ORM. Each worker debits its own users, so the
// number measures commit throughput, not row-lock waits.

export type DbCeilingResult = { transactions: number; seconds: number; tps: number; p50: number; p99: number; errors: number; firstError?: string };

const DEBIT = `
  UPDATE users
     SET credits = credits + $2::int,
         flagged = CASE WHEN credits + $2::int < 0 THEN true
                        WHEN credits + $2::int >= 0 AND $2::int > 0 THEN false
                        ELSE flagged END
   WHERE id = $1::int
     AND ($3::boolean OR (credits + $2::int >= 0 AND NOT flagged AND NOT blocked))
  RETURNING credits`;
const LEDGER = `
  INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key)
  VALUES ($1::int, $2::int, $3::int, 'tip', $4, $5) RETURNING id`;

export async function runDbCeiling(options: { pool: pg.Pool; clients: number; seconds: number; userIds: number[]; keyPrefix: string }): Promise<DbCeilingResult> {
  const { pool, clients, userIds, keyPrefix } = options;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let counter = 0;
  const stopAt = performance.now() + options.seconds * 1000;
  const started = performance.now();
  const worker = async (w: number) => {
    const client = await pool.connect();
    try {
      const mine = userIds.filter((_, i) => i % clients === w);
      for (let i = 0; performance.now() < stopAt; i += 1) {
        const userId = mine[i % mine.length]!;
        const n = counter++;
        const t0 = performance.now();
        try {
          await client.query("BEGIN");
          const debit = await client.query<{ credits: number }>({ name: "bench-debit", text: DEBIT, values: [userId, -1, false] });
          const balance = debit.rows[0]?.credits;
          if (balance === undefined) throw new Error(`user ${userId} could not pay`);
          await client.query({ name: "bench-ledger", text: LEDGER, values: [userId, -1, balance, `bench:${n}`, `${keyPrefix}:${n}`] });
          await client.query("COMMIT");
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= String(error);
          await client.query("ROLLBACK").catch(() => undefined);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { transactions: latencies.length, seconds, tps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, firstError };
}
