import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { PrivateShow, ShowBilling } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { assertCanSpend } from "@/lib/server/users/assert-can-spend";
import { creditsToStart } from "@/lib/shows/billing";

export type StartSpyingOptions = {
  userId: number;
  showId: number;
  now?: Date;
  /** Who bills the session: the chat server's heartbeats (default) or the site from the viewer's presence (the built-in room). */
  billing?: ShowBilling;
  /** The caller's transaction, if any. */
  db?: Tx;
};

/**
 * A viewer starts watching a running private show unseen and unheard, at the performer's spy rate:
 * a spy session is a paid session like the private show itself (a private_shows row of kind spy,
 * active from now, rate snapshotted), billed by the same heartbeat and ended by the same end — or
 * with the private show (reason show_ended). It needs a minute at the spy rate, like any request.
 * Refused when the site or the performer (for this show) turned spying off.
 */
export async function startSpying({ userId, showId, now = new Date(), billing = "heartbeat", db }: StartSpyingOptions): Promise<PrivateShow> {
  try {
    return await inTransaction(db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, blocked: true, flagged: true, credits: true } });
      if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
      const target = await tx.privateShow.findUnique({ where: { id: showId }, select: { performerId: true } });
      if (!target) throw new AppError("not_found", `Show ${showId} does not exist.`);
      // Lock order performer → show → user. FOR SHARE on the private show: many spies join at once,
      // but its end (FOR NO KEY UPDATE) waits for them, so it also ends a spy who joined meanwhile.
      const [performer] = await tx.$queryRaw<{ spyRatePerMinute: number }[]>`
        SELECT spy_rate_per_minute AS "spyRatePerMinute" FROM performers WHERE id = ${target.performerId} FOR SHARE`;
      const [show] = await tx.$queryRaw<{ kind: string; status: string; userId: number; spiesAllowed: boolean }[]>`
        SELECT kind::text AS kind, status::text AS status, user_id AS "userId", spies_allowed AS "spiesAllowed"
          FROM private_shows WHERE id = ${showId} FOR SHARE`;
      if (!performer || !show) throw new AppError("not_found", `Show ${showId} does not exist.`);
      if (show.kind !== "private") throw new AppError("invalid_request", `Show ${showId} is not a private show.`);
      if (show.status !== "active") throw new AppError("invalid_transition", `Show ${showId} is ${show.status}; only an active private show can be spied on.`);

      if (user.role !== "viewer") throw new AppError("invalid_request", "Only a viewer account can spy on a private show.");
      assertCanSpend(user);
      if (show.userId === userId) throw new AppError("invalid_request", "You are the viewer of this private show.");
      const setting = await tx.setting.findUnique({ where: { id: 1 }, select: { spyEnabled: true } });
      if (setting && !setting.spyEnabled) throw new AppError("spying_disabled", "Spying is turned off on this site.");
      if (!show.spiesAllowed) throw new AppError("spying_disabled", "The performer does not allow spies on this show.");

      const rate = { ratePerMinute: performer.spyRatePerMinute, minimumSeconds: 0 };
      if (user.credits < creditsToStart(rate)) {
        throw new AppError("insufficient_credits", `Spying needs at least ${creditsToStart(rate)} credits (one minute); the balance is ${user.credits}.`);
      }
      const spy = await tx.privateShow.create({
        data: {
          kind: "spy", parentShowId: showId, userId, performerId: target.performerId, ...rate,
          status: "active", requestedAt: now, startedAt: now, lastHeartbeatAt: now, billing,
        },
      });
      await notifyRoomChanged(tx, target.performerId);
      return spy;
    });
  } catch (error) {
    // The one-open-session-per-viewer index: a viewer spies on one show at a time, and not while in their own.
    if (isUniqueViolation(error)) throw new AppError("show_in_progress", `User ${userId} already has a requested or active session.`);
    throw error;
  }
}
