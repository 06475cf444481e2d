import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

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
  const rows = await tx.$queryRaw<{ id: number; credits: number }[]>`
    UPDATE users u
       SET credits = u.credits - d.amount
      FROM unnest(${userIds}::int[], ${userIds.map((id) => totals.get(id)!)}::int[]) AS d(id, amount)
     WHERE u.id = d.id AND u.credits - d.amount >= 0 AND NOT u.flagged AND NOT u.blocked
    RETURNING u.id, u.credits`;
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
  await tx.$executeRaw`
    INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key)
    SELECT * FROM unnest(
      ${debits.map((d) => d.userId)}::int[],
      ${debits.map((d) => -d.credits)}::int[],
      ${balanceAfter}::int[],
      ${debits.map((d) => d.kind)}::"LedgerKind"[],
      ${debits.map((d) => d.reference)}::varchar[],
      ${debits.map((d) => d.idempotencyKey)}::varchar[])`;
  return new Map(rows.map((row) => [row.id, row.credits]));
}
