import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { PrivateShow, ShowBilling } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { assertCanSpend } from "@/lib/server/users/assert-can-spend";
import { creditsToStart } from "@/lib/shows/billing";
import { lockGroupShow } from "./lock-group-show";

export type JoinGroupShowOptions = {
  userId: number;
  groupShowId: number;
  now?: Date;
  /** Who bills the seat once the show starts: the chat server's heartbeats (default) or the site from the viewer's presence (the built-in room). */
  billing?: ShowBilling;
  db?: Tx;
};

/**
 * A viewer takes a seat in a waiting group show: a private_shows row of kind group, requested, at the
 * group's rate. Nothing is charged until the start; the viewer may leave with the show's cancel.
 */
export async function joinGroupShow({ userId, groupShowId, now = new Date(), billing = "heartbeat", db }: JoinGroupShowOptions): Promise<PrivateShow> {
  try {
    return await inTransaction(db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, blocked: true, flagged: true, credits: true } });
      if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
      const group = await lockGroupShow(tx, groupShowId, "share");
      if (group.status !== "waiting" || now > group.startBy) {
        throw new AppError("invalid_transition", `Group show ${groupShowId} is ${group.status === "waiting" ? "past its start time" : group.status}; only a waiting group show can be joined.`);
      }
      if (user.role !== "viewer") throw new AppError("invalid_request", "Only a viewer account can join a group show.");
      assertCanSpend(user);
      const rate = { ratePerMinute: group.ratePerMinute, minimumSeconds: 0 };
      if (user.credits < creditsToStart(rate)) {
        throw new AppError("insufficient_credits", `The group show needs at least ${creditsToStart(rate)} credits (one minute); the balance is ${user.credits}.`);
      }
      const seat = await tx.privateShow.create({
        data: { kind: "group", groupShowId, userId, performerId: group.performerId, ...rate, status: "requested", requestedAt: now, billing },
      });
      await notifyRoomChanged(tx, group.performerId);
      return seat;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("show_in_progress", `User ${userId} already has a requested or active session.`);
    throw error;
  }
}
