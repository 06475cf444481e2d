import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { applyBillingStep, type BillingStepResult } from "./apply-billing-step";
import { lockShow } from "./lock-show";

export type BillShowOptions = { showId: number; now?: Date };

/**
 * POST /shows/{id}/heartbeat: bills an active show up to `now`. A show that ran out of credits
 * comes back ended (credits_exhausted); a stale one (no heartbeat for 45 s) comes back ended with
 * reason timeout, billed only to its last heartbeat, rather than billed for the dead time.
 * Not active → invalid_transition.
 */
export async function billShow({ showId, now = new Date() }: BillShowOptions): Promise<BillingStepResult> {
  return prisma.$transaction(async (tx) => {
    const show = await lockShow(tx, showId);
    if (show.status !== "active") {
      throw new AppError("invalid_transition", `Show ${showId} is ${show.status}; only an active show can be billed.`);
    }
    return applyBillingStep(tx, { show, now });
  });
}
