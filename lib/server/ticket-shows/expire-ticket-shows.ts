import "server-only";
import { prisma } from "@/lib/db/prisma";
import { TICKET_GRACE_SECONDS } from "@/lib/tickets/ticket-rules";
import { lockTicketShow } from "./lock-ticket-show";
import { cancelAndRefund } from "./refund-tickets";

/**
 * The sweep's share: scheduled ticket shows not started within the grace period after their start
 * time are cancelled and every ticket refunded. Safe to run in many instances at once: each show is
 * re-read under its row lock, so a show is refunded by exactly one run.
 */
export async function expireTicketShows({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - TICKET_GRACE_SECONDS * 1000);
  const due = await prisma.ticketShow.findMany({ where: { status: "scheduled", startsAt: { lt: cutoff } }, orderBy: { id: "asc" }, take: limit, select: { id: true } });
  let refunded = 0;
  for (const { id } of due) {
    refunded += await prisma.$transaction(async (tx) => {
      const show = await lockTicketShow(tx, id);
      if (show.status !== "scheduled" || show.startsAt >= cutoff) return 0;
      await cancelAndRefund(tx, show, `not started within ${TICKET_GRACE_SECONDS / 60} minutes of its start time`, now);
      return 1;
    });
  }
  return refunded;
}
