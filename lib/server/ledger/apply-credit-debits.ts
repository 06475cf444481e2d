import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { BALANCE_CHANNEL, BALANCE_ENTRIES_PER_NOTIFICATION } from "@/lib/server/balance/balance-channel";

export type CreditDebit = {
  userId: number;
  /** Positive: the number of credits taken. */
  credits: number;
  kind: LedgerKind;
  reference: string;
  idempotencyKey: string;
};

/**
 * The set-based twin of applyCreditChange, for the batch heartbeat: many spends in two statements
 * (one conditional UPDATE of the balances, one multi-row INSERT of their ledger rows) instead of
 * two statements per spend. The same rules hold: a spend never takes a balance below zero nor
 * spends from a blocked or flagged account, and every debit gets its own ledger row with its own
 * idempotency key, so Σ ledger deltas = balance. Debits of the same user are summed for the UPDATE
 * (a multi-row UPDATE changes each row once) and their ledger rows carry the running balance.
 * All or nothing: if any user cannot pay, it throws and the caller's transaction rolls back.
 * The INSERT also NOTIFYs each user's final balance, many users per notification, delivered on commit.
 * Returns the new balance of each user.
 */
export async function applyCreditDebits(tx: Tx, debits: CreditDebit[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  for (const debit of debits) {
    if (!Number.isSafeInteger(debit.credits) || debit.credits <= 0) {
      throw new AppError("invalid_request", "A debit must be a positive whole number of credits.");
    }
    totals.set(debit.userId, (totals.get(debit.userId) ?? 0) + debit.credits);
  }
  if (totals.size === 0) return new Map();
  const userIds = [...totals.keys()];
  // Parameters and answer as JSON text: cheaper for the driver and Prisma than 1000-element arrays
  // and 1000 typed result rows.
  const amounts = JSON.stringify(userIds.map((id) => [id, totals.get(id)!]));
  const [updated] = await tx.$queryRaw<{ rows: string | null }[]>`
    WITH d AS (SELECT (v.value->>0)::int AS id, (v.value->>1)::int AS amount FROM json_array_elements(${amounts}::json) AS v(value)),
         u AS (
           UPDATE users u
              SET credits = u.credits - d.amount
             FROM d
            WHERE u.id = d.id AND u.credits - d.amount >= 0 AND NOT u.flagged AND NOT u.blocked
           RETURNING u.id, u.credits)
    SELECT json_agg(json_build_array(id, credits))::text AS rows FROM u`;
  const rows = updated?.rows ? (JSON.parse(updated.rows) as [number, number][]).map(([id, credits]) => ({ id, credits })) : [];
  if (rows.length !== userIds.length) {
    throw new AppError("insufficient_credits", "Not enough credits for every debit of the batch.");
  }
  // balance_after walks each user's debits in the given order, from the balance before them.
  const running = new Map(rows.map((row) => [row.id, row.credits + totals.get(row.id)!]));
  const balanceAfter = debits.map((debit) => {
    const after = running.get(debit.userId)! - debit.credits;
    running.set(debit.userId, after);
    return after;
  });
  // One JSON parameter instead of six arrays (the driver serialises and escapes arrays element by
  // element); json_to_recordset yields the rows in the given order, as unnest did.
  const entries = JSON.stringify(debits.map((d, i) => ({ u: d.userId, d: -d.credits, b: balanceAfter[i], k: d.kind, r: d.reference, i: d.idempotencyKey })));
  await tx.$executeRaw`
    WITH entry AS (
      INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key)
      SELECT e.u, e.d, e.b, e.k, e.r, e.i
        FROM json_to_recordset(${entries}::json) AS e(u int, d int, b int, k "LedgerKind", r varchar, i varchar)
      RETURNING id, user_id, balance_after
    ),
    last AS (SELECT DISTINCT ON (user_id) user_id, balance_after, id FROM entry ORDER BY user_id, id DESC),
    numbered AS (SELECT user_id, balance_after, id, (row_number() OVER (ORDER BY user_id) - 1) / ${BALANCE_ENTRIES_PER_NOTIFICATION}::int AS part FROM last)
    SELECT pg_notify(${BALANCE_CHANNEL}, json_build_object('b', json_agg(json_build_array(user_id, balance_after, id)))::text)
      FROM numbered GROUP BY part`;
  return new Map(rows.map((row) => [row.id, row.credits]));
}
