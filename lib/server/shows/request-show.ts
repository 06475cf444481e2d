import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { PrivateShow, ShowBilling } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { assertCanSpend } from "@/lib/server/users/assert-can-spend";
import { creditsToStart } from "@/lib/shows/billing";

export type RequestShowOptions = {
  userId: number;
  performerId: number;
  /** Who will keep the show billed once accepted: the chat server's heartbeats unless the site's own room asks. */
  billing?: ShowBilling;
  now?: Date;
  /** The caller's transaction, if any. */
  db?: Tx;
};

/**
 * POST /shows: a viewer asks a performer for a private show. The performer's rate and minimum length
 * are snapshot on the show, so a later change never alters a show already asked for.
 */
export async function requestShow({ userId, performerId, billing = "heartbeat", now = new Date(), db }: RequestShowOptions): Promise<PrivateShow> {
  try {
    return await inTransaction(db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, blocked: true, flagged: true, credits: true } });
      if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
      // FOR SHARE: many requests may read the performer at once, but a status change (which locks
      // the row for update) waits for them, so going offline also declines a request made meanwhile.
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM performers WHERE id = ${performerId} FOR SHARE`;
      if (locked.length === 0) throw new AppError("not_found", `Performer ${performerId} does not exist.`);

      if (user.role !== "viewer") throw new AppError("invalid_request", "Only a viewer account can request a private show.");
      assertCanSpend(user);
      const open = await tx.privateShow.findFirst({ where: { userId, status: { in: ["requested", "active"] } }, select: { id: true, status: true } });
      if (open) throw new AppError("show_in_progress", `User ${userId} already has a ${open.status} private show (${open.id}).`);

      const performer = await tx.performer.findUniqueOrThrow({
        where: { id: performerId },
        select: { status: true, disabled: true, ratePerMinute: true, minimumSeconds: true, shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 } },
      });
      if (performer.disabled || performer.status !== "online") {
        throw new AppError("performer_unavailable", `Performer ${performerId} is offline.`);
      }
      if (performer.shows.length > 0) throw new AppError("performer_unavailable", `Performer ${performerId} is busy in a private show.`);
      const needed = creditsToStart(performer);
      if (user.credits < needed) {
        throw new AppError(
          "insufficient_credits",
          `A private show with this performer needs at least ${needed} credits (${startLength(performer.minimumSeconds)}); the balance is ${user.credits}.`,
        );
      }
      const show = await tx.privateShow.create({
        data: { userId, performerId, ratePerMinute: performer.ratePerMinute, minimumSeconds: performer.minimumSeconds, requestedAt: now, billing },
      });
      // The performer's open studio and room pages list the request as soon as it commits.
      await notifyRoomChanged(tx, performerId);
      return show;
    });
  } catch (error) {
    // Two simultaneous requests of one viewer: the partial unique index lets only one insert win.
    if (isUniqueViolation(error)) throw new AppError("show_in_progress", `User ${userId} already has a requested or active private show.`);
    throw error;
  }
}

function startLength(minimumSeconds: number): string {
  return minimumSeconds > 60 ? `the performer's minimum of ${minimumSeconds} seconds` : "one minute";
}
