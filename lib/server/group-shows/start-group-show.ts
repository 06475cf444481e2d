import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { GroupShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { creditsToStart } from "@/lib/shows/billing";
import { cancelGroupShow } from "./cancel-group-show";
import { lockGroupShow } from "./lock-group-show";
import { canSpend } from "@/lib/users/spend-guard";

export type StartGroupShowOptions = { groupShowId: number; now?: Date; db?: Tx };

/**
 * The performer starts a waiting group show. Seats whose viewer can no longer pay a minute are
 * cancelled (sent away, nothing charged); if fewer than the minimum can pay, nothing starts
 * (group_minimum_not_reached). Past its deadline the show is cancelled instead and nobody pays.
 * Every paying seat becomes active now and is billed per second from here by the one billing step.
 */
export async function startGroupShow({ groupShowId, now = new Date(), db }: StartGroupShowOptions): Promise<GroupShow> {
  return inTransaction(db, async (tx) => {
    const group = await lockGroupShow(tx, groupShowId, "update");
    if (group.status !== "waiting") throw new AppError("invalid_transition", `Group show ${groupShowId} is ${group.status}; only a waiting one can start.`);
    if (now > group.startBy) {
      await cancelGroupShow(tx, group, now);
      throw new AppError("invalid_transition", `Group show ${groupShowId} passed its start time and was cancelled; nobody paid.`);
    }
    const seats = await tx.$queryRaw<{ id: number; credits: number; blocked: boolean; flagged: boolean }[]>`
      SELECT s.id, u.credits, u.blocked, u.flagged
        FROM private_shows s JOIN users u ON u.id = s.user_id
       WHERE s.group_show_id = ${groupShowId} AND s.status = 'requested'
       ORDER BY s.id
         FOR NO KEY UPDATE`;
    const needed = creditsToStart({ ratePerMinute: group.ratePerMinute, minimumSeconds: 0 });
    const payers = seats.filter((seat) => canSpend(seat) && seat.credits >= needed).map((seat) => seat.id);
    if (payers.length < group.minViewers) {
      throw new AppError("group_minimum_not_reached", `${payers.length} of the ${group.minViewers} viewers needed can pay; the group show cannot start yet.`);
    }
    const sentAway = seats.map((seat) => seat.id).filter((id) => !payers.includes(id));
    await tx.privateShow.updateMany({ where: { id: { in: payers } }, data: { status: "active", startedAt: now, lastHeartbeatAt: now } });
    if (sentAway.length > 0) await tx.privateShow.updateMany({ where: { id: { in: sentAway } }, data: { status: "cancelled", endedAt: now } });
    const started = await tx.groupShow.update({ where: { id: groupShowId }, data: { status: "running", startedAt: now } });
    await notifyRoomChanged(tx, group.performerId);
    return started;
  });
}
