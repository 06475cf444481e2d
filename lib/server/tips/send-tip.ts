import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { MAX_TIP_CREDITS } from "@/lib/money/limits";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { callerLedgerKey, type KeySource } from "@/lib/server/ledger/ledger-key";
import { performerBenefit, priceOfCredits } from "@/lib/server/money/compute-price";
import { creditValueOf } from "@/lib/server/money/get-credit-value";
import { assertCanSpend } from "@/lib/server/users/assert-can-spend";
import type { GoalStatus, Prisma, Role } from "@/lib/generated/prisma/client";
import { notifyWallGoal } from "@/lib/server/goals/notify-wall-goal";
import { notifyRoomChanged, publishRoomMessage, type RoomMessage } from "@/lib/server/rooms/room-channel";

export type SendTipOptions = {
  userId: number;
  performerId: number;
  credits: number;
  now?: Date;
  /**
   * The caller's key and who chose it (ledger-key.ts): the ledger refuses a second debit with it, even
   * after a crash, and the key only ever answers this user's tip.
   */
  idempotency?: { source: KeySource; key: string };
  /** A tip-menu tip: its item (sendMenuTip resolves it; `credits` is then the item's price). */
  item?: { id: number; label: string };
  /**
   * The caller's transaction, if any. The chat API passes its request transaction, whose claim on
   * the Idempotency-Key already makes the tip single; a repeated ledger key there is a fault.
   */
  db?: Tx;
};

export type SentTip = {
  tip: { id: number; credits: number; price: string; performerBenefit: string; date: string; item: string | null };
  user: { id: number; credits: number };
  /** The goal the tip counted towards, after it (null when the performer had no active goal). */
  goal: GoalProgress | null;
};

export type GoalProgress = { id: number; title: string; target: number; collected: number; status: GoalStatus };

/**
 * POST /tips: a viewer gives a performer credits. The ppv_tips row and the ledger debit (reference
 * `tip:<id>`, idempotency key derived from the caller's (callerLedgerKey) or `tip:<id>`) are written in one transaction: a
 * refused debit leaves no tip, and a repeated key returns the tip it already paid for.
 */
export async function sendTip(options: SendTipOptions): Promise<SentTip> {
  const ledgerKey = options.idempotency ? callerLedgerKey(options.idempotency.source, options.userId, options.idempotency.key) : undefined;
  try {
    return await debitTip(options, ledgerKey);
  } catch (error) {
    // In a caller's transaction the failed INSERT has aborted it: nothing more can be read there.
    if (!ledgerKey || options.db || !isUniqueViolation(error)) throw error;
    return findPaidTip(ledgerKey, options);
  }
}

async function debitTip({ userId, performerId, credits, item, now = new Date(), db }: SendTipOptions, ledgerKey?: string): Promise<SentTip> {
  assertTipCredits(credits);
  return inTransaction(db, async (tx) => {
    const facts = await readTipFacts(tx, userId, performerId);
    const { price, benefit } = priceTip(facts, { userId, performerId, credits });
    const goal = await countTowardsGoal(tx, performerId, credits, now);
    const tip = await tx.tip.create({
      data: {
        date: now, action: "tips", userId, performerId, credits, price, performerBenefit: benefit,
        menuItemId: item?.id ?? null, item: item?.label ?? null, goalId: goal?.id ?? null,
      },
      select: { id: true, date: true },
    });
    const { balance } = await applyCreditChange(tx, {
      userId, delta: -credits, kind: "tip", reference: `tip:${tip.id}`, idempotencyKey: ledgerKey ?? `tip:${tip.id}`,
    });
    const sent = sentTip({ id: tip.id, date: tip.date, credits, price, benefit, item: item?.label ?? null, userId, balance, goal });
    // Announced in the room (chat line, the studio's tips and earnings) whichever way the tip came,
    // site or chat API, and only once it commits.
    await publishRoomMessage(performerId, tipMessage(sent, facts.username!), tx);
    // The room's goal bar (and its "reached" announcement) reloads when this commits.
    if (goal) {
      await notifyRoomChanged(tx, performerId);
      await notifyWallGoal(tx, performerId, goal.status === "active" ? goal : null);
    }
    return sent;
  });
}

export function assertTipCredits(credits: number): void {
  if (!Number.isSafeInteger(credits) || credits < 1 || credits > MAX_TIP_CREDITS) {
    throw new AppError("invalid_request", `credits must be a whole number from 1 to ${MAX_TIP_CREDITS}.`, {
      credits: `A whole number from 1 to ${MAX_TIP_CREDITS}.`,
    });
  }
}

/** Who may tip whom, and the tip's price and the performer's benefit (API.md "Money"), from what a tip read. */
export function priceTip(facts: TipFacts, { userId, performerId, credits }: { userId: number; performerId: number; credits: number }): { price: Prisma.Decimal; benefit: Prisma.Decimal } {
  if (facts.role === null) throw new AppError("not_found", `User ${userId} does not exist.`);
  if (facts.benefitPercent === null) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  if (facts.performerUserId === userId) throw new AppError("invalid_request", "A performer cannot tip themselves.");
  if (facts.role !== "viewer") throw new AppError("invalid_request", "Only a viewer account can tip.");
  assertCanSpend({ blocked: facts.blocked ?? false, flagged: facts.flagged ?? false });
  const creditValue = creditValueOf({
    setting: facts.settingValue,
    pack: facts.packSeconds !== null && facts.packPrice !== null ? { seconds: facts.packSeconds, price: facts.packPrice } : null,
  });
  const price = priceOfCredits(credits, creditValue);
  return { price, benefit: performerBenefit(price, facts.benefitPercent) };
}

/** A tip as sendTip answers it. */
export function sentTip(tip: {
  id: bigint | number | string; date: Date; credits: number; price: Prisma.Decimal; benefit: Prisma.Decimal; item: string | null;
  userId: number; balance: number; goal: GoalProgress | null;
}): SentTip {
  return {
    tip: { id: Number(tip.id), credits: tip.credits, price: tip.price.toFixed(3), performerBenefit: tip.benefit.toFixed(3), date: tip.date.toISOString(), item: tip.item },
    user: { id: tip.userId, credits: tip.balance },
    goal: tip.goal,
  };
}

/** The room's announcement of a tip. */
export function tipMessage({ tip }: SentTip, username: string): RoomMessage {
  return { t: "tip", tip: { id: tip.id, at: tip.date, username, credits: tip.credits, item: tip.item } };
}

/**
 * Adds a tip to the performer's active goal, if any, in one statement (the row lock serialises
 * concurrent tips, so collected = Σ of its tips exactly); the tip that reaches the target closes it.
 */
async function countTowardsGoal(tx: Tx, performerId: number, credits: number, now: Date): Promise<GoalProgress | null> {
  const [goal] = await tx.$queryRaw<GoalProgress[]>`
    UPDATE goals
       SET collected = collected + ${credits},
           status = CASE WHEN collected + ${credits} >= target THEN 'reached'::"GoalStatus" ELSE status END,
           reached_at = CASE WHEN collected + ${credits} >= target THEN ${now} ELSE reached_at END,
           ended_at = CASE WHEN collected + ${credits} >= target THEN ${now} ELSE ended_at END
     WHERE performer_id = ${performerId} AND status = 'active'
    RETURNING id, title, target, collected, status::text AS status`;
  return goal ?? null;
}

/** What a tip reads (decimals as Prisma reads them, or as text from node-postgres). */
export type TipFacts = {
  role: Role | null;
  username: string | null;
  blocked: boolean | null;
  flagged: boolean | null;
  performerUserId: number | null;
  benefitPercent: Prisma.Decimal | string | null;
  settingValue: Prisma.Decimal | string | null;
  packSeconds: number | null;
  packPrice: Prisma.Decimal | string | null;
};

// Everything a tip reads, in one statement: the viewer, the performer and the credit value's inputs
// (the admin setting, else the first credit pack — getCreditValue's rule, applied by creditValueOf).
// Read fresh on every tip, never cached, so an admin's change applies to the next tip.
async function readTipFacts(tx: Tx, userId: number, performerId: number): Promise<TipFacts> {
  const [facts] = await tx.$queryRaw<TipFacts[]>`
    SELECT u.role::text AS role, u.username, u.blocked, u.flagged, p.user_id AS "performerUserId", p.benefit_percent AS "benefitPercent",
           (SELECT credit_value FROM settings WHERE id = 1) AS "settingValue",
           pk.seconds AS "packSeconds", pk.price AS "packPrice"
      FROM (SELECT 1) AS one
      LEFT JOIN users u ON u.id = ${userId}
      LEFT JOIN performers p ON p.id = ${performerId}
      LEFT JOIN LATERAL (SELECT seconds, price FROM ppv_item ORDER BY active DESC, id LIMIT 1) AS pk ON true`;
  return facts!;
}

async function findPaidTip(ledgerKey: string, asked: SendTipOptions): Promise<SentTip> {
  const entry = await prisma.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: ledgerKey } });
  const tip = await prisma.tip.findUniqueOrThrow({ where: { id: BigInt(entry.reference.slice("tip:".length)) } });
  // The key is the user's own (ledger-key.ts); a different tip under it is another operation.
  if (entry.userId !== asked.userId || tip.performerId !== asked.performerId || tip.credits !== asked.credits) {
    throw new AppError("idempotency_conflict", "This key was already used for a different tip.");
  }
  const goal = tip.goalId === null ? null : await prisma.goal.findUnique({ where: { id: tip.goalId }, select: { id: true, title: true, target: true, collected: true, status: true } });
  return sentTip({
    id: tip.id, date: tip.date, credits: tip.credits, price: tip.price, benefit: tip.performerBenefit, item: tip.item,
    userId: entry.userId, balance: entry.balanceAfter, goal,
  });
}
