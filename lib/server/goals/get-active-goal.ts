import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { GoalStatus } from "@/lib/generated/prisma/enums";

export type GoalView = { id: number; title: string; target: number; collected: number; status: GoalStatus };

/**
 * The goal a room shows: the running one, or the last one reached in the past hour (so the room
 * can announce it), else null.
 */
export async function getActiveGoal(performerId: number, now = new Date()): Promise<GoalView | null> {
  return prisma.goal.findFirst({
    where: { performerId, OR: [{ status: "active" }, { status: "reached", reachedAt: { gte: new Date(now.getTime() - 3_600_000) } }] },
    orderBy: [{ status: "asc" }, { id: "desc" }],
    select: { id: true, title: true, target: true, collected: true, status: true },
  });
}
