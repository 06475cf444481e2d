import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { getActiveGoal, type GoalView } from "./get-active-goal";

/** A performer's goal for the chat API: unknown or disabled performer → not_found. */
export async function getGoalOf(performerId: number, now?: Date): Promise<GoalView | null> {
  const performer = await prisma.performer.findFirst({ where: { id: performerId, disabled: false }, select: { id: true } });
  if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  return getActiveGoal(performerId, now);
}
