import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { performerBenefit, priceOfCredits } from "@/lib/server/money/compute-price";
import { getCreditValue } from "@/lib/server/money/get-credit-value";

export const MAX_TIP_CREDITS = 100_000;

export type SendTipOptions = {
  userId: number;
  performerId: number;
  credits: number;
  now?: Date;
  /** The caller's Idempotency-Key: the ledger refuses a second debit with it, even after a crash. */
  idempotencyKey?: string;
};

export type SentTip = {
  tip: { id: number; credits: number; price: string; performerBenefit: string; date: string };
  user: { id: number; credits: number };
};

/**
 * POST /tips: a viewer gives a performer credits. The ppv_tips row and the ledger debit (reference
 * `tip:<id>`, idempotency key from the caller or `tip:<id>`) are written in one transaction: a
 * refused debit leaves no tip, and a repeated key returns the tip it already paid for.
 */
export async function sendTip(options: SendTipOptions): Promise<SentTip> {
  const ledgerKey = options.idempotencyKey ? `tip-request:${options.idempotencyKey}` : undefined;
  try {
    return await debitTip(options, ledgerKey);
  } catch (error) {
    if (!ledgerKey || !isUniqueViolation(error)) throw error;
    return findPaidTip(ledgerKey);
  }
}

async function debitTip({ userId, performerId, credits, now = new Date() }: SendTipOptions, ledgerKey?: string): Promise<SentTip> {
  if (!Number.isSafeInteger(credits) || credits < 1 || credits > MAX_TIP_CREDITS) {
    throw new AppError("invalid_request", `credits must be a whole number from 1 to ${MAX_TIP_CREDITS}.`, {
      credits: `A whole number from 1 to ${MAX_TIP_CREDITS}.`,
    });
  }
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, blocked: true, flagged: true } });
    if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
    const performer = await tx.performer.findUnique({ where: { id: performerId }, select: { userId: true, benefitPercent: true } });
    if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    if (performer.userId === userId) throw new AppError("invalid_request", "A performer cannot tip themselves.");
    if (user.role !== "viewer") throw new AppError("invalid_request", "Only a viewer account can tip.");
    if (user.blocked) throw new AppError("invalid_request", "This account is blocked and cannot tip.");
    if (user.flagged) throw new AppError("invalid_request", "This account has an unsettled PayPal reversal and cannot tip.");

    const price = priceOfCredits(credits, await getCreditValue(tx));
    const benefit = performerBenefit(price, performer.benefitPercent);
    const tip = await tx.tip.create({
      data: { date: now, action: "tips", userId, performerId, credits, price, performerBenefit: benefit },
      select: { id: true, date: true },
    });
    const { balance } = await applyCreditChange(tx, {
      userId, delta: -credits, kind: "tip", reference: `tip:${tip.id}`, idempotencyKey: ledgerKey ?? `tip:${tip.id}`,
    });
    return {
      tip: { id: Number(tip.id), credits, price: price.toFixed(3), performerBenefit: benefit.toFixed(3), date: tip.date.toISOString() },
      user: { id: userId, credits: balance },
    };
  });
}

async function findPaidTip(ledgerKey: string): Promise<SentTip> {
  const entry = await prisma.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: ledgerKey } });
  const tip = await prisma.tip.findUniqueOrThrow({ where: { id: BigInt(entry.reference.slice("tip:".length)) } });
  return {
    tip: { id: Number(tip.id), credits: tip.credits, price: tip.price.toFixed(3), performerBenefit: tip.performerBenefit.toFixed(3), date: tip.date.toISOString() },
    user: { id: entry.userId, credits: entry.balanceAfter },
  };
}
