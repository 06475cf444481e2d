import "server-only";
import { endGroupShow } from "@/lib/server/group-shows/end-group-show";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { applyBillingStep } from "@/lib/server/shows/apply-billing-step";
import { lockShow } from "@/lib/server/shows/lock-show";
import { getWallPerformer, type ApiPerformer } from "./get-performer";
import { notifyFollowersLive } from "@/lib/server/follows/notify-followers-live";
import { notifyWallStatus } from "./notify-wall-status";

export type SetPerformerStatusOptions = {
  performerId: number;
  status: "online" | "offline";
  now?: Date;
  /** The caller's transaction, if any. */
  db?: Tx;
};

/**
 * PUT /performers/{id}/status. Going offline ends the performer's active show (performer_left,
 * billed up to now) and declines their pending requests, in the same transaction, so an offline
 * performer never keeps a running meter or a request they can no longer accept. A performer still
 * in a show (going online) stays busy.
 */
export async function setPerformerStatus({ performerId, status, now = new Date(), db }: SetPerformerStatusOptions): Promise<ApiPerformer> {
  return inTransaction(db, async (tx) => {
    // Performer first (lock order performer → show → user); waits for requests and accepts in flight.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    const before = await getWallPerformer(performerId, tx);
    await tx.performer.updateMany({ where: { id: performerId, status: { not: status } }, data: { status, statusChangedAt: now } });
    // Offline unties the status from the studio's camera: the silence sweep has nothing left to do.
    if (status === "offline") await tx.performer.updateMany({ where: { id: performerId, liveSeenAt: { not: null } }, data: { liveSeenAt: null } });

    let endedShow = false;
    if (status === "offline") {
      const active = await tx.privateShow.findFirst({ where: { performerId, status: "active", kind: "private" }, select: { id: true } });
      if (active) {
        const show = await lockShow(tx, active.id);
        // The billing step's finish announces the new wall status itself.
        if (show.status === "active") endedShow = (await applyBillingStep(tx, { show, now, endReason: "performer_left" })).show.status === "ended";
      }
      await tx.privateShow.updateMany({ where: { performerId, status: "requested", kind: "private" }, data: { status: "declined", endedAt: now } });
      // An open group show goes with the performer: a waiting one is cancelled, a running one ended and billed.
      const group = await tx.groupShow.findFirst({ where: { performerId, status: { in: ["waiting", "running"] } }, select: { id: true } });
      if (group) await endGroupShow({ groupShowId: group.id, now, db: tx });
    }
    const after = await getWallPerformer(performerId, tx);
    if (!endedShow && after.status !== before.status) await notifyWallStatus(tx, [{ performerId, status: after.status }]);
    if (before.status === "offline" && after.status === "online") await notifyFollowersLive(tx, { performerId });
    return after;
  });
}
