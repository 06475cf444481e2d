import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { assertTransition } from "@/lib/shows/transitions";
import { applyBillingStep, type BillingStepResult } from "./apply-billing-step";
import { lockShowWithViewer } from "./lock-show";

export type BillShowOptions = { showId: number; now?: Date; /** The caller's transaction, if any. */ db?: Tx };

/**
 * POST /shows/{id}/heartbeat: bills an active show up to `now`. A show that ran out of credits
 * comes back ended (credits_exhausted); a stale one (no heartbeat for 45 s) comes back ended with
 * reason timeout, billed only to its last heartbeat, rather than billed for the dead time.
 * Not active → invalid_transition.
 */
export async function billShow({ showId, now = new Date(), db }: BillShowOptions): Promise<BillingStepResult> {
  return inTransaction(db, async (tx) => {
    // One statement locks the show and its viewer; a non-active show is refused (and the
    // viewer's lock released by the refusal's rollback).
    const { show, viewer } = await lockShowWithViewer(tx, showId);
    assertTransition(show, "heartbeat");
    return applyBillingStep(tx, { show, viewer, now });
  });
}
