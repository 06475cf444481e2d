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
 * The set-based twin of applyCreditChange, for the batch heartbeat: many spends in one call of the
 * SQL function apply_credit_debits (migration 20261129051000_hot_heartbeats), which the batch's hot
 * path also calls. The same rules hold: a spend never takes a balance below zero nor spends from a
 * blocked or flagged account, and every debit gets its own ledger row with its own idempotency key,
 * so Σ ledger deltas = balance. Debits of the same user are summed for the UPDATE (a multi-row
 * UPDATE changes each row once) and their ledger rows carry the running balance.
 * All or nothing: if any user cannot pay, it throws and the caller's transaction rolls back.
 * Each user's final balance is NOTIFYed, many users per notification, delivered on commit.
 */
export async function applyCreditDebits(tx: Tx, debits: CreditDebit[]): Promise<void> {
  if (debits.length === 0) return;
  const [result] = await tx.$queryRaw<{ unpaid: number }[]>`
    SELECT apply_credit_debits(${creditDebitsJson(debits)}::json, ${BALANCE_CHANNEL}::text, ${BALANCE_ENTRIES_PER_NOTIFICATION}::int) AS unpaid`;
  if (result!.unpaid !== 0) throw new AppError("insufficient_credits", "Not enough credits for every debit of the batch.");
}

/**
 * The debits as apply_credit_debits reads them (one JSON parameter: the driver serialises arrays
 * element by element), each with the balance its caller read when it has one.
 */
export function creditDebitsJson(debits: (CreditDebit & { expected?: number })[]): string {
  for (const debit of debits) {
    if (!Number.isSafeInteger(debit.credits) || debit.credits <= 0) {
      throw new AppError("invalid_request", "A debit must be a positive whole number of credits.");
    }
  }
  return JSON.stringify(debits.map((d) => ({ u: d.userId, c: d.credits, k: d.kind, r: d.reference, i: d.idempotencyKey, e: d.expected ?? null })));
}
