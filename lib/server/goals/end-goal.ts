import "server-only";
import { prisma } from "@/lib/db/prisma";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { notifyWallGoal } from "./notify-wall-goal";

/** The performer takes their running goal down (kept in the history as cancelled). */
export async function endGoal({ performerId, now = new Date() }: { performerId: number; now?: Date }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.goal.updateMany({ where: { performerId, status: "active" }, data: { status: "cancelled", endedAt: now } });
    if (count === 0) return;
    await notifyRoomChanged(tx, performerId);
    await notifyWallGoal(tx, performerId, null);
  });
}
