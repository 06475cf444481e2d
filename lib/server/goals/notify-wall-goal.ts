import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { WallGoal } from "@/lib/realtime/room-events";
import { publish } from "@/lib/server/realtime/publish";

export const WALL_GOAL_CHANNEL = "wall_goal";

export type WallGoalEvent = { performerId: number; goal: WallGoal | null };

/** Tells every wall page (on commit) a performer's goal bar changed. */
export async function notifyWallGoal(tx: Tx, performerId: number, goal: { title: string; target: number; collected: number; status: string } | null): Promise<void> {
  const event: WallGoalEvent = { performerId, goal: goal && { title: goal.title, target: goal.target, collected: goal.collected, reached: goal.status === "reached" } };
  await publish(WALL_GOAL_CHANNEL, event, tx);
}
