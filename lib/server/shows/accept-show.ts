import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { notifyWallStatus } from "@/lib/server/performers/notify-wall-status";
import { assertCanSpend } from "@/lib/server/users/assert-can-spend";
import { assertTransition } from "@/lib/shows/transitions";
import { applyBillingStep } from "./apply-billing-step";
import { creditsToStart } from "@/lib/shows/billing";
import { lockShow } from "./lock-show";

export type AcceptShowOptions = { showId: number; now?: Date; /** The caller's transaction, if any. */ db?: Tx };

/**
 * POST /shows/{id}/accept: the performer starts a requested show; they are busy from now on and
 * billing starts at `now` (the first heartbeat is expected within the timeout from here).
 */
export async function acceptShow({ showId, now = new Date(), db }: AcceptShowOptions): Promise<PrivateShow> {
  try {
    return await inTransaction(db, async (tx) => {
      const target = await tx.privateShow.findUnique({ where: { id: showId }, select: { performerId: true } });
      if (!target) throw new AppError("not_found", `Show ${showId} does not exist.`);
      // Performer first, then the show (the lock order of every path): this serialises the accept
      // with the performer going offline and with the accepts of the performer's other requests.
      await tx.$queryRaw`SELECT id FROM performers WHERE id = ${target.performerId} FOR NO KEY UPDATE`;
      const show = await lockShow(tx, showId);
      assertTransition(show, "accept");
      const performer = await tx.performer.findUniqueOrThrow({
        where: { id: show.performerId },
        select: { status: true, disabled: true, shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 } },
      });
      if (performer.disabled || performer.status !== "online") {
        throw new AppError("performer_unavailable", `Performer ${show.performerId} is offline.`);
      }
      if (performer.shows.length > 0) {
        throw new AppError("performer_unavailable", `Performer ${show.performerId} is already in a private show.`);
      }
      const group = await tx.groupShow.findFirst({ where: { performerId: show.performerId, status: "running" }, select: { id: true } });
      if (group) throw new AppError("performer_unavailable", `Performer ${show.performerId} is in a group show.`);
      const user = await tx.user.findUniqueOrThrow({ where: { id: show.userId }, select: { credits: true, blocked: true, flagged: true } });
      assertCanSpend(user);
      // The balance may have been spent since the request (tips): re-check what the start needs.
      const needed = creditsToStart(show);
      if (user.credits < needed) {
        throw new AppError("insufficient_credits", `The show needs at least ${needed} credits to start; the balance is ${user.credits}.`);
      }
      const accepted = await tx.privateShow.update({
        where: { id: showId },
        data: { status: "active", startedAt: now, lastHeartbeatAt: now },
      });
      await notifyWallStatus(tx, [{ performerId: show.performerId, status: "busy" }]);
      // The accept is the first billing step (API.md): a minimum is charged here, by the one rule.
      if (show.minimumSeconds === 0) return accepted;
      return (await applyBillingStep(tx, { show: accepted, now })).show;
    });
  } catch (error) {
    // The partial unique index on active shows per performer is the last word on "busy".
    if (isUniqueViolation(error)) throw new AppError("performer_unavailable", "The performer is already in a private show.");
    throw error;
  }
}
