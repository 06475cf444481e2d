import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { BillingUpdate } from "@/lib/realtime/room-events";
import { publishRoomMessage } from "@/lib/server/rooms/room-channel";
import { billShow } from "./bill-show";
import { getShow } from "./get-show";
import { secondsRemaining } from "@/lib/shows/billing";

export type BillOwnShowOptions = { userId: number; showId: number; now?: Date };

/**
 * The built-in room's heartbeat: the viewer's open page calls it every HEARTBEAT_INTERVAL_SECONDS
 * for their own active show, and it runs the same billShow as the chat API's heartbeat. Only the
 * show's viewer may bill it (anyone else gets not_found, which also hides that the show exists).
 * Closing the page stops the heartbeats, and the 45 s timeout rule ends the show.
 * The result also goes to the room (performer and viewer) as the countdown's source. A show that
 * already ended answers its final figures rather than an error, so the page can show them.
 */
export async function billOwnShow({ userId, showId, now = new Date() }: BillOwnShowOptions): Promise<BillingUpdate> {
  const owner = await prisma.privateShow.findUnique({ where: { id: showId }, select: { userId: true, performerId: true } });
  if (!owner || owner.userId !== userId) throw new AppError("not_found", `Show ${showId} does not exist.`);
  let update: BillingUpdate;
  try {
    const { show, user, secondsRemaining: remaining } = await billShow({ showId, now });
    update = {
      showId, status: show.status, endReason: show.endReason, secondsRemaining: remaining,
      secondsBilled: show.secondsBilled, creditsCharged: show.creditsCharged, credits: user.credits,
    };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "invalid_transition")) throw error;
    update = await finalFigures(showId, userId, now);
  }
  await publishRoomMessage(owner.performerId, { t: "billing", userId, update });
  return update;
}

async function finalFigures(showId: number, userId: number, now: Date): Promise<BillingUpdate> {
  const [show, user] = await Promise.all([getShow({ showId, now }), prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } })]);
  const remaining = show.status === "active" ? secondsRemaining({ ...show, balance: user.credits }) : 0;
  return {
    showId, status: show.status, endReason: show.endReason, secondsRemaining: remaining,
    secondsBilled: show.secondsBilled, creditsCharged: show.creditsCharged, credits: user.credits,
  };
}
