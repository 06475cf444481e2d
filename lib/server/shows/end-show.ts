import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { assertTransition } from "@/lib/shows/transitions";
import type { PrivateShow, ShowEndReason } from "@/lib/generated/prisma/client";
import { applyBillingStep } from "./apply-billing-step";
import { lockShow } from "./lock-show";

export type EndShowOptions = { showId: number; reason: ShowEndReason; now?: Date; /** The caller's transaction, if any. */ db?: Tx };

/**
 * POST /shows/{id}/end: bills an active show up to `now` (capped at the balance) and ends it.
 * The recorded reason is the caller's, except where the billing rule decides: a stale show ends
 * with `timeout` at its last heartbeat, and a show whose final bill the balance could not pay ends
 * with `credits_exhausted`. Ending an ended show returns it unchanged; a requested, declined or
 * cancelled show was never running, so ending it is an invalid_transition.
 */
export async function endShow({ showId, reason, now = new Date(), db }: EndShowOptions): Promise<PrivateShow> {
  return inTransaction(db, async (tx) => {
    const show = await lockShow(tx, showId);
    assertTransition(show, "end");
    if (show.status === "ended") return show;
    const result = await applyBillingStep(tx, { show, now, endReason: reason });
    return result.show;
  });
}
