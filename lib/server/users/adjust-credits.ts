import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { callerLedgerKey } from "@/lib/server/ledger/ledger-key";
import type { TCreditAdjustment } from "@/lib/validations/admin/user";

export type AdjustCreditsOptions = TCreditAdjustment & { actorId: number; userId: number };

export type AdjustCreditsResult = { balance: number; applied: boolean };

/**
 * An admin's correction of a balance: one admin_adjustment ledger row naming the admin (actorId) and
 * the reason, through applyCreditChange, so a negative adjustment can never take the balance below
 * zero (its conditional UPDATE refuses, even against a concurrent spend). The form's idempotency key
 * makes a double submit take effect once: the second one finds the first's ledger row and reports it.
 */
export async function adjustCredits({ actorId, userId, delta, reason, idempotencyKey }: AdjustCreditsOptions): Promise<AdjustCreditsResult> {
  const key = callerLedgerKey("admin-adjustment", userId, idempotencyKey);
  try {
    return await prisma.$transaction(async (tx) => {
      await assertAdmin({ db: tx, actorId });
      const { balance } = await applyCreditChange(tx, {
        userId, delta, kind: "admin_adjustment", reference: `admin:${actorId}`, idempotencyKey: key, reason, actorId,
      });
      return { balance, applied: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return alreadyApplied({ key, userId, delta });
    if (error instanceof AppError && error.code === "insufficient_credits") {
      const { credits } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } });
      throw new AppError("insufficient_credits", "That would take the balance below zero.", {
        delta: `The balance is ${credits}; you can take away at most ${Math.max(0, credits)}.`,
      });
    }
    if (error instanceof AppError && (error.code === "account_blocked" || error.code === "account_on_hold") && delta < 0) {
      throw new AppError("conflict", "Credits cannot be taken from a blocked or on-hold account; unblock it first.", { delta: "Only positive adjustments for this account." });
    }
    throw error;
  }
}

async function alreadyApplied({ key, userId, delta }: { key: string; userId: number; delta: number }): Promise<AdjustCreditsResult> {
  const entry = await prisma.ledgerEntry.findUnique({ where: { idempotencyKey: key }, select: { userId: true, delta: true } });
  if (!entry || entry.userId !== userId || entry.delta !== delta) {
    throw new AppError("idempotency_conflict", "This form was already used for another adjustment. Reload the page.");
  }
  const { credits } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } });
  return { balance: credits, applied: false };
}
