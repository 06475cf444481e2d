import "server-only";
import { showChargeKey } from "@/lib/server/ledger/ledger-key";
import type { Tx } from "@/lib/db/prisma";
import type { PrivateShow, ShowEndReason } from "@/lib/generated/prisma/client";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { planBillingStep } from "@/lib/shows/billing";
import type { LockedViewer } from "./lock-show";
import { finishShows } from "./finish-show";
import { timeoutShows } from "./timeout-shows";
import { spendableBalance } from "@/lib/users/spend-guard";

export type BillingStepResult = { show: PrivateShow; user: { id: number; credits: number }; secondsRemaining: number };

/**
 * The billing step of one active show whose row the caller has locked (heartbeat, end, performer
 * leaving): timeout rule first, then bill up to `now` capped at the balance, ending the show with
 * credits_exhausted if the cap bit, or with `endReason` if the caller is ending it anyway.
 */
export async function applyBillingStep(
  tx: Tx,
  options: { show: PrivateShow; now: Date; endReason?: ShowEndReason; /** The viewer's row, if the caller locked it with the show. */ viewer?: LockedViewer },
): Promise<BillingStepResult> {
  const { show, now } = options;
  // Locked after the show (lock order show → user): the balance cannot move between the read and
  // the charge, so the charge computed here is exactly what applyCreditChange can take.
  const user = options.viewer ?? (await lockViewer(tx, show));
  const plan = planBillingStep({ show, balance: spendableBalance(user), now });
  let credits = user.credits;

  if (plan.outcome === "timeout") {
    await timeoutShows(tx, [show]);
  } else {
    if (plan.charge > 0) {
      const change = await applyCreditChange(tx, {
        userId: show.userId, delta: -plan.charge, kind: "show", reference: `show:${show.id}`,
        idempotencyKey: showChargeKey(show.id, plan.creditsCharged),
      });
      credits = change.balance;
    }
    const endReason = plan.outcome === "exhausted" ? "credits_exhausted" : options.endReason;
    const billing = { secondsBilled: plan.secondsBilled, creditsCharged: plan.creditsCharged, lastHeartbeatAt: plan.heartbeatAt };
    if (!endReason) {
      // The common heartbeat: the UPDATE returns the row, no re-read.
      const updated = await tx.privateShow.update({ where: { id: show.id }, data: billing });
      return { show: updated, user: { id: show.userId, credits }, secondsRemaining: plan.secondsRemaining };
    }
    await finishShows(tx, [{ id: show.id, userId: show.userId, performerId: show.performerId, ...billing, endedAt: now, endReason }]);
  }
  const updated = await tx.privateShow.findUniqueOrThrow({ where: { id: show.id } });
  return {
    show: updated,
    user: { id: show.userId, credits },
    secondsRemaining: plan.outcome === "billed" && updated.status === "active" ? plan.secondsRemaining : 0,
  };
}

async function lockViewer(tx: Tx, show: PrivateShow): Promise<LockedViewer> {
  const [user] = await tx.$queryRaw<LockedViewer[]>`
    SELECT credits, flagged, blocked FROM users WHERE id = ${show.userId} FOR NO KEY UPDATE`;
  if (!user) throw new Error(`Show ${show.id} references a missing user.`);
  return user;
}
