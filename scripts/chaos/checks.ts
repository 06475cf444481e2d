import type pg from "pg";

// What must hold after the chaos run, read straight from the database.

export type CheckResult = { name: string; ok: boolean; detail: string };

type CheckInput = {
  /** txn_ids of forged and wrong-receiver payments. */
  mustNotCredit: ReadonlySet<string>;
  /** Distinct Idempotency-Keys of the tips the site answered 201. */
  ackedTips: number;
  /** Shows left without heartbeats that the timeout sweep had time to end. */
  abandoned: ReadonlySet<number>;
};

export async function runChecks(db: pg.Pool, input: CheckInput): Promise<CheckResult[]> {
  const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await db.query<T>(sql, params)).rows[0]!;
  const checks: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const ledger = await one<{ users: number; drift: number }>(
    `SELECT count(*)::int AS users, count(*) FILTER (WHERE u.credits <> coalesce(l.total, 0))::int AS drift
       FROM users u LEFT JOIN (SELECT user_id, sum(delta)::int AS total FROM ledger_entries GROUP BY user_id) l ON l.user_id = u.id`,
  );
  check("Σ ledger = balance for every user", ledger.drift === 0, `${ledger.users} users, ${ledger.drift} differ`);

  const negative = await one<{ negative: number; unflagged: number }>(
    `SELECT count(*) FILTER (WHERE credits < 0)::int AS negative, count(*) FILTER (WHERE credits < 0 AND NOT flagged)::int AS unflagged FROM users`,
  );
  check("no negative balance unless on hold", negative.unflagged === 0, `${negative.negative} negative, all on hold: ${negative.unflagged === 0}`);

  const purchases = await one<{ credited: number; twice: number; refused: number }>(
    `SELECT count(DISTINCT reference)::int AS credited,
            (SELECT count(*) FROM (SELECT 1 FROM ledger_entries WHERE kind = 'purchase' GROUP BY reference HAVING count(*) > 1) d)::int AS twice,
            count(*) FILTER (WHERE reference = ANY($1::text[]))::int AS refused
       FROM ledger_entries WHERE kind = 'purchase'`,
    [[...input.mustNotCredit].map((txn) => `paypal:${txn}`)],
  );
  check("each PayPal transaction credited at most once", purchases.twice === 0, `${purchases.credited} credited, ${purchases.twice} more than once`);
  check(
    "no forged or wrong-receiver payment credited",
    purchases.refused === 0,
    `${input.mustNotCredit.size} sent, ${purchases.refused} credited`,
  );

  const tips = await one<{ ledger: number; rows: number }>(
    `SELECT (SELECT count(*) FROM ledger_entries WHERE kind = 'tip')::int AS ledger, (SELECT count(*) FROM ppv_tips WHERE action = 'tips')::int AS rows`,
  );
  check(
    "each acknowledged tip charged exactly once",
    tips.ledger === input.ackedTips && tips.rows === input.ackedTips,
    `${input.ackedTips} acknowledged, ${tips.ledger} ledger rows, ${tips.rows} ppv_tips rows`,
  );

  const shows = await one<{ ended: number; wrong: number; active: number; billing: number }>(
    `SELECT count(*) FILTER (WHERE status = 'ended')::int AS ended,
            count(*) FILTER (WHERE (status = 'ended') <> (coalesce(t.n, 0) = 1) OR coalesce(t.n, 0) > 1)::int AS wrong,
            count(*) FILTER (WHERE status = 'active')::int AS active,
            count(*) FILTER (WHERE s.credits_charged <> -coalesce(l.total, 0))::int AS billing
       FROM private_shows s
       LEFT JOIN (SELECT show_id, count(*)::int AS n FROM ppv_tips WHERE action = 'liveshow' GROUP BY show_id) t ON t.show_id = s.id
       LEFT JOIN (SELECT reference, sum(delta)::int AS total FROM ledger_entries WHERE kind = 'show' GROUP BY reference) l ON l.reference = 'show:' || s.id`,
  );
  check("one ppv_tips row per ended show (none for the others)", shows.wrong === 0, `${shows.ended} ended, ${shows.wrong} wrong`);
  check("each show's ledger = its creditsCharged", shows.billing === 0, `${shows.billing} differ`);
  check("no show stuck active", shows.active === 0, `${shows.active} active`);

  if (input.abandoned.size > 0) {
    const swept = await one<{ n: number }>(`SELECT count(*)::int AS n FROM private_shows WHERE id = ANY($1::int[]) AND end_reason = 'timeout'`, [[...input.abandoned]]);
    check("abandoned shows ended by the timeout sweep", swept.n === input.abandoned.size, `${swept.n} of ${input.abandoned.size}`);
  }
  return checks;
}
