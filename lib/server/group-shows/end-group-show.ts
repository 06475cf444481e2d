import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import type { GroupShow, ShowEndReason } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { applyBillingStep } from "@/lib/server/shows/apply-billing-step";
import { lockShowWithViewer } from "@/lib/server/shows/lock-show";
import { cancelGroupShow } from "./cancel-group-show";
import { lockGroupShow } from "./lock-group-show";

export type EndGroupShowOptions = { groupShowId: number; reason?: ShowEndReason; now?: Date; db?: Tx };

/**
 * The performer ends (or withdraws) a group show. Waiting: cancelled, nobody pays. Running: every
 * active seat is billed up to now and ended by the one billing step (one ppv_tips row each).
 * Ending an ended or cancelled group show returns it unchanged.
 */
export async function endGroupShow({ groupShowId, reason = "performer_left", now = new Date(), db }: EndGroupShowOptions): Promise<GroupShow> {
  return inTransaction(db, async (tx) => {
    const group = await lockGroupShow(tx, groupShowId, "update");
    if (group.status === "ended" || group.status === "cancelled") return group;
    if (group.status === "waiting") {
      await cancelGroupShow(tx, group, now);
    } else {
      const seats = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM private_shows WHERE group_show_id = ${groupShowId} AND status = 'active' ORDER BY id FOR NO KEY UPDATE`;
      for (const seat of seats) {
        const { show, viewer } = await lockShowWithViewer(tx, seat.id);
        await applyBillingStep(tx, { show, viewer, now, endReason: reason });
      }
      await tx.groupShow.update({ where: { id: groupShowId }, data: { status: "ended", endedAt: now } });
      await notifyRoomChanged(tx, group.performerId);
    }
    return tx.groupShow.findUniqueOrThrow({ where: { id: groupShowId } });
  });
}
