import type pg from "pg";

// Bench data, written set-based straight into the app's database (the same rows the domain
// functions would write: users with a ledger row for their starting credits so that Σ ledger =
// balance, online performers, accepted shows). Creating 10,000 shows through request + accept one
// by one would take minutes and measure nothing the benchmark is about.

export const RATE_PER_MINUTE = 60;
/** Enough for every scenario: nobody may run out of credits during the bench. */
export const STARTING_CREDITS = 1_000_000;

export async function createCreditPack(db: pg.Pool): Promise<void> {
  await db.query(`INSERT INTO ppv_item (seconds, price, currency, description) VALUES (600, 10.00, 'USD', '600 credits (bench)')`);
}

export type Pair = { viewerId: number; performerId: number; performerUserId: number };

type Queryable = Pick<pg.Pool, "query">;

/** `count` viewers with STARTING_CREDITS and their ledger rows, in the caller's transaction if any. */
export async function createViewers(db: Queryable, tag: string, count: number): Promise<number[]> {
  const viewers = await db.query<{ id: number }>(
    `INSERT INTO users (email, username, password_hash, role, credits)
     SELECT 'bench_' || $1 || '_v' || g || '@bench.local', 'bench_' || $1 || '_v' || g, 'x', 'viewer', $2::int
       FROM generate_series(1, $3::int) AS g ORDER BY g RETURNING id`,
    [tag, STARTING_CREDITS, count],
  );
  const viewerIds = viewers.rows.map((row) => row.id);
  await db.query(
    `INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key, reason)
     SELECT id, $2::int, $2::int, 'admin_adjustment', 'bench', 'bench:' || $1 || ':grant:' || id, 'bench credits'
       FROM unnest($3::int[]) AS id`,
    [tag, STARTING_CREDITS, viewerIds],
  );
  return viewerIds;
}

/** `count` viewers with STARTING_CREDITS (and their ledger rows) and `count` online performers. */
export async function createPairs(db: pg.Pool, tag: string, count: number): Promise<Pair[]> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const viewerIds = await createViewers(client, tag, count);
    const performerUsers = await client.query<{ id: number }>(
      `INSERT INTO users (email, username, password_hash, role)
       SELECT 'bench_' || $1 || '_p' || g || '@bench.local', 'bench_' || $1 || '_p' || g, 'x', 'performer'
         FROM generate_series(1, $2::int) AS g ORDER BY g RETURNING id`,
      [tag, count],
    );
    const performerUserIds = performerUsers.rows.map((row) => row.id);
    const performers = await client.query<{ id: number; user_id: number }>(
      `INSERT INTO performers (user_id, display_name, slug, status, rate_per_minute, benefit_percent)
       SELECT uid, 'Bench ' || $1 || ' ' || n, 'bench-' || $1 || '-' || n, 'online', $2::int, 50
         FROM unnest($3::int[]) WITH ORDINALITY AS t(uid, n) ORDER BY n RETURNING id, user_id`,
      [tag, RATE_PER_MINUTE, performerUserIds],
    );
    await client.query("COMMIT");
    return viewerIds.map((viewerId, i) => ({
      viewerId,
      performerId: performers.rows[i]!.id,
      performerUserId: performers.rows[i]!.user_id,
    }));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One accepted (active) show per pair, started and last heard from now (the database's clock). */
export async function startShows(db: pg.Pool, pairs: Pair[]): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO private_shows (user_id, performer_id, status, rate_per_minute, requested_at, started_at, last_heartbeat_at)
     SELECT v, p, 'active', $3::int, now(), now(), now()
       FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS t(v, p, n) ORDER BY n RETURNING id`,
    [pairs.map((p) => p.viewerId), pairs.map((p) => p.performerId), RATE_PER_MINUTE],
  );
  return rows.map((row) => row.id);
}
