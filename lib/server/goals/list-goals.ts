import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { GoalStatus } from "@/lib/generated/prisma/enums";

export type GoalHistoryRow = {
  id: number; title: string; target: number; collected: number; status: GoalStatus; createdAt: Date; reachedAt: Date | null; endedAt: Date | null;
};

/** A performer's goals, newest first: each with what it collected. */
export async function listGoals(performerId: number, take = 20): Promise<GoalHistoryRow[]> {
  return prisma.goal.findMany({
    where: { performerId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, title: true, target: true, collected: true, status: true, createdAt: true, reachedAt: true, endedAt: true },
  });
}
