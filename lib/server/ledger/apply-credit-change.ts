import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

export type CreditChange = {
  userId: number;
  /** Signed: negative spends, positive credits. Never 0. */
  delta: number;
  kind: LedgerKind;
  reference: string;
  /** Unique across the ledger: the same change can never be applied twice. */
  idempotencyKey: string;
  reason?: string;
  actorId?: number;
  /** Only PayPal refunds and reversals may take a balance below zero (the account is then flagged). */
  allowNegative?: boolean;
};

export type CreditChangeResult = { balance: number; entryId: bigint };

// The one place a balance changes. The conditional UPDATE is a single statement, so concurrent
// debits serialise on the row lock and none can take the balance below zero; the ledger row is
// written in the same transaction, so Σ ledger deltas = balance always.
export async function applyCreditChange(tx: Tx, change: CreditChange): Promise<CreditChangeResult> {
  if (!Number.isSafeInteger(change.delta) || change.delta === 0) {
    throw new AppError("invalid_request", "A credit change must be a non-zero whole number of credits.");
  }
  const isSpend = change.delta < 0 && !change.allowNegative;
  const rows = await tx.$queryRaw<{ credits: number }[]>`
    UPDATE users
       SET credits = credits + ${change.delta},
           flagged = CASE WHEN credits + ${change.delta} < 0 THEN true
                          WHEN credits + ${change.delta} >= 0 AND ${change.delta} > 0 THEN false
                          ELSE flagged END
     WHERE id = ${change.userId}
       AND (${!isSpend} OR (credits + ${change.delta} >= 0 AND NOT flagged AND NOT blocked))
    RETURNING credits`;
  const updated = rows[0];
  if (!updated) throw await refusal(tx, change.userId);
  const entry = await tx.ledgerEntry.create({
    data: {
      userId: change.userId,
      delta: change.delta,
      balanceAfter: updated.credits,
      kind: change.kind,
      reference: change.reference,
      idempotencyKey: change.idempotencyKey,
      reason: change.reason,
      actorId: change.actorId,
    },
    select: { id: true },
  });
  return { balance: updated.credits, entryId: entry.id };
}

async function refusal(tx: Tx, userId: number): Promise<AppError> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { blocked: true, flagged: true } });
  if (!user) return new AppError("not_found", `User ${userId} does not exist.`);
  if (user.blocked) return new AppError("forbidden", "This account is blocked and cannot spend credits.");
  if (user.flagged) {
    return new AppError("forbidden", "This account has an unsettled PayPal reversal and cannot spend credits.");
  }
  return new AppError("insufficient_credits", "Not enough credits.");
}
