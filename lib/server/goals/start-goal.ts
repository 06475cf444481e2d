import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isUniqueViolation, AppError } from "@/lib/errors";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { notifyWallGoal } from "./notify-wall-goal";
import type { GoalView } from "./get-active-goal";

/**
 * The performer sets a new goal; the one running (if any) is closed as cancelled, keeping what it
 * collected in the history. Tips count towards the new goal from now on.
 */
export async function startGoal({ performerId, title, target, now = new Date() }: { performerId: number; title: string; target: number; now?: Date }): Promise<GoalView> {
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.goal.updateMany({ where: { performerId, status: "active" }, data: { status: "cancelled", endedAt: now } });
      const goal = await tx.goal.create({
        data: { performerId, title, target, createdAt: now },
        select: { id: true, title: true, target: true, collected: true, status: true },
      });
      await notifyRoomChanged(tx, performerId);
      await notifyWallGoal(tx, performerId, goal);
      return goal;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "Another goal was started at the same moment; try again.");
    throw error;
  }
}
