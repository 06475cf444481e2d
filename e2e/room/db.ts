import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";
import { DEMO_PASSWORD } from "../helpers";

// Test data and read-back for the room tests, straight in the e2e database (playwright.config.ts
// starts it on E2E_PG_PORT). Each test makes its own performer and viewers, so tests running in
// parallel never share a room or a balance.

const url = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54332"}/ppv`;
const HASH = bcrypt.hashSync(DEMO_PASSWORD, 4);

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const tag = () => randomBytes(4).toString("hex");

export type TestPerformer = { id: number; userId: number; email: string; slug: string; displayName: string; ratePerMinute: number };
export type TestViewer = { id: number; email: string; username: string };

export function createPerformer(options: { ratePerMinute: number; status: "online" | "offline" }): Promise<TestPerformer> {
  const name = `e2e_p_${tag()}`;
  const slug = name.replaceAll("_", "-");
  const displayName = `Test ${slug.slice(-8)}`;
  return withDb(async (db) => {
    const { rows: [user] } = await db.query<{ id: number }>(
      "INSERT INTO users (email, username, password_hash, role, gender, avatar) VALUES ($1, $2, $3, 'performer', 'female', '/performers/ava-rose.jpg') RETURNING id",
      [`${name}@test.local`, name, HASH],
    );
    const { rows: [performer] } = await db.query<{ id: number }>(
      `INSERT INTO performers (user_id, display_name, slug, bio, photos, status, rate_per_minute, benefit_percent)
       VALUES ($1, $2, $3, 'A test performer.', ARRAY['/performers/ava-rose.jpg'], $4, $5, 60) RETURNING id`,
      [user!.id, displayName, slug, options.status, options.ratePerMinute],
    );
    return { id: performer!.id, userId: user!.id, email: `${name}@test.local`, slug, displayName, ratePerMinute: options.ratePerMinute };
  });
}

/** A viewer whose balance comes from one ledger row, as the invariant (Σ ledger = balance) wants. */
export function createViewer(options: { credits: number }): Promise<TestViewer> {
  const username = `e2e_v_${tag()}`;
  return withDb(async (db) => {
    await db.query("BEGIN");
    const { rows: [user] } = await db.query<{ id: number }>(
      "INSERT INTO users (email, username, password_hash, role, gender, credits) VALUES ($1, $2, $3, 'viewer', 'male', $4) RETURNING id",
      [`${username}@test.local`, username, HASH, options.credits],
    );
    // A ledger row is never 0 credits: a viewer with none has no row yet.
    if (options.credits !== 0) {
      await db.query(
        "INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key, reason) VALUES ($1, $2, $2, 'admin_adjustment', 'e2e', $3, 'test credits')",
        [user!.id, options.credits, `e2e:${username}`],
      );
    }
    await db.query("COMMIT");
    return { id: user!.id, email: `${username}@test.local`, username };
  });
}

/** Puts an account on hold, as a PayPal reversal of credits already spent does. */
export function putOnHold(userId: number): Promise<void> {
  return withDb(async (db) => {
    await db.query("UPDATE users SET flagged = true WHERE id = $1", [userId]);
  });
}

export type ShowRow = {
  id: number; status: string; endReason: string | null; ratePerMinute: number; startedAt: Date | null; endedAt: Date | null;
  secondsBilled: number; creditsCharged: number; ledgerCharged: number; liveshowCredits: number | null;
};

/** The viewer's latest show with its ledger total and its liveshow ppv_tips row (read only). */
export function latestShow(userId: number): Promise<ShowRow | undefined> {
  return withDb(async (db) => {
    const { rows } = await db.query<ShowRow>(
      `SELECT s.id, s.status, s.end_reason AS "endReason", s.rate_per_minute AS "ratePerMinute", s.started_at AS "startedAt",
              s.ended_at AS "endedAt", s.seconds_billed AS "secondsBilled", s.credits_charged AS "creditsCharged",
              coalesce((SELECT -sum(delta) FROM ledger_entries WHERE reference = 'show:' || s.id), 0)::int AS "ledgerCharged",
              (SELECT credits FROM ppv_tips WHERE show_id = s.id AND action = 'liveshow') AS "liveshowCredits"
         FROM private_shows s WHERE s.user_id = $1 ORDER BY s.id DESC LIMIT 1`,
      [userId],
    );
    return rows[0];
  });
}

export function balanceOf(userId: number): Promise<number> {
  return withDb(async (db) => (await db.query<{ credits: number }>("SELECT credits FROM users WHERE id = $1", [userId])).rows[0]!.credits);
}

export function tipsOf(userId: number): Promise<number[]> {
  return withDb(async (db) =>
    (await db.query<{ credits: number }>("SELECT credits FROM ppv_tips WHERE userid = $1 AND action = 'tips' ORDER BY id", [userId])).rows.map((r) => r.credits),
  );
}

/** Changes a status behind the site's back (no NOTIFY): only a reconnect's snapshot can reveal it. */
export function setStatusSilently(performerId: number, status: "online" | "offline"): Promise<void> {
  return withDb(async (db) => {
    await db.query("UPDATE performers SET status = $2 WHERE id = $1", [performerId, status]);
  });
}

/** A tip menu and a running goal for a performer (show modes). */
export function addTipMenuAndGoal(performerId: number, items: { label: string; credits: number }[], goal: { title: string; target: number }): Promise<void> {
  return withDb(async (db) => {
    for (const [position, item] of items.entries()) {
      await db.query("INSERT INTO tip_menu_items (performer_id, label, credits, position) VALUES ($1, $2, $3, $4)", [performerId, item.label, item.credits, position]);
    }
    await db.query("INSERT INTO goals (performer_id, title, target) VALUES ($1, $2, $3)", [performerId, goal.title, goal.target]);
  });
}

/** Sets a performer's group rate (show modes). */
export function setGroupRate(performerId: number, rate: number): Promise<void> {
  return withDb(async (db) => {
    await db.query("UPDATE performers SET group_rate_per_minute = $2 WHERE id = $1", [performerId, rate]);
  });
}

/** The seats of a performer's latest group show: viewer id, status, credits charged and its ppv_tips row's credits. */
export function groupSeats(performerId: number): Promise<{ userId: number; status: string; creditsCharged: number; rowCredits: number | null }[]> {
  return withDb(async (db) =>
    (await db.query<{ userId: number; status: string; creditsCharged: number; rowCredits: number | null }>(
      `SELECT s.user_id AS "userId", s.status::text AS status, s.credits_charged AS "creditsCharged", t.credits AS "rowCredits"
         FROM private_shows s LEFT JOIN ppv_tips t ON t.show_id = s.id
        WHERE s.group_show_id = (SELECT max(id) FROM group_shows WHERE performer_id = $1) ORDER BY s.id`,
      [performerId],
    )).rows,
  );
}

/** Sets a performer's spy rate (show modes). */
export function setSpyRate(performerId: number, rate: number): Promise<void> {
  return withDb(async (db) => {
    await db.query("UPDATE performers SET spy_rate_per_minute = $2 WHERE id = $1", [performerId, rate]);
  });
}
