import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { ShowEndReason } from "@/lib/generated/prisma/enums";
import { applyBillingStep } from "./apply-billing-step";
import { lockShowWithViewer } from "./lock-show";

/**
 * Ends the active spy sessions of private shows the caller has locked (and is ending, or closing to
 * spies), each through the one billing step up to `endedAt`: what a spy owes is computed exactly as
 * for any other paid session, and each gets its own ppv_tips row. Lock order: the private show
 * (held by the caller), then its spy sessions in id order, each with its viewer.
 */
export async function endSpySessions(tx: Tx, parents: { id: number; endedAt: Date }[], reason: ShowEndReason = "show_ended"): Promise<void> {
  if (parents.length === 0) return;
  const endedAt = new Map(parents.map((parent) => [parent.id, parent.endedAt]));
  const spies = await tx.$queryRaw<{ id: number; parentShowId: number }[]>`
    SELECT id, parent_show_id AS "parentShowId" FROM private_shows
     WHERE parent_show_id = ANY(${parents.map((parent) => parent.id)}::int[]) AND status = 'active'
     ORDER BY id
       FOR NO KEY UPDATE`;
  for (const spy of spies) {
    const { show, viewer } = await lockShowWithViewer(tx, spy.id);
    await applyBillingStep(tx, { show, viewer, now: endedAt.get(spy.parentShowId)!, endReason: reason });
  }
}
