import type pg from "pg";

// The chaos run's people, written set-based into the fresh database (as the bench does): viewers
// with credits and the ledger rows that explain them, viewers who start with nothing (their credits
// come from a PayPal purchase that is then refunded after they spent it), online performers, and
// the credit pack the IPNs buy.

export const RATE_PER_MINUTE = 60;
export const STARTING_CREDITS = 3_000;
export const PACK_CREDITS = 600;
export const PACK_PRICE = "10.00";

export type ChaosPeople = { viewers: number[]; refundViewers: number[]; performers: number[]; packId: number };

export async function seedPeople(db: pg.Pool, counts: { viewers: number; refundViewers: number; performers: number }): Promise<ChaosPeople> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const insertUsers = async (prefix: string, count: number, role: string, credits: number) =>
      (
        await client.query<{ id: number }>(
          `INSERT INTO users (email, username, password_hash, role, credits)
           SELECT 'chaos_' || $1 || g || '@chaos.local', 'chaos_' || $1 || g, 'x', $2::"Role", $3::int
             FROM generate_series(1, $4::int) AS g ORDER BY g RETURNING id`,
          [prefix, role, credits, count],
        )
      ).rows.map((row) => row.id);
    const viewers = await insertUsers("v", counts.viewers, "viewer", STARTING_CREDITS);
    await client.query(
      `INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key, reason)
       SELECT id, $1::int, $1::int, 'admin_adjustment', 'chaos', 'chaos:grant:' || id, 'chaos credits' FROM unnest($2::int[]) AS id`,
      [STARTING_CREDITS, viewers],
    );
    const refundViewers = await insertUsers("r", counts.refundViewers, "viewer", 0);
    const performerUsers = await insertUsers("p", counts.performers, "performer", 0);
    const performers = (
      await client.query<{ id: number }>(
        `INSERT INTO performers (user_id, display_name, slug, status, rate_per_minute, benefit_percent)
         SELECT uid, 'Chaos ' || n, 'chaos-' || n, 'online', $1::int, 50
           FROM unnest($2::int[]) WITH ORDINALITY AS t(uid, n) ORDER BY n RETURNING id`,
        [RATE_PER_MINUTE, performerUsers],
      )
    ).rows.map((row) => row.id);
    const pack = await client.query<{ id: number }>(
      `INSERT INTO ppv_item (seconds, price, currency, description) VALUES ($1, $2, 'USD', 'Chaos pack') RETURNING id`,
      [PACK_CREDITS, PACK_PRICE],
    );
    await client.query("COMMIT");
    return { viewers, refundViewers, performers, packId: pack.rows[0]!.id };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
