import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { Ticket, TicketShow } from "@/lib/generated/prisma/client";
import { getCreditValue } from "@/lib/server/money/get-credit-value";
import { performerBenefit, priceOfCredits } from "@/lib/server/money/compute-price";

/**
 * Tickets become the performer's earnings when the show goes live: one ppv_tips row per ticket
 * (action ticket, the show's title as the item), priced like a tip. Until then a ticket is the
 * viewer's money held for the show, so a refund never has to undo an earning or a payout.
 */
export async function earnTickets(tx: Tx, show: TicketShow, tickets: Pick<Ticket, "id" | "userId" | "price">[], now: Date): Promise<void> {
  if (tickets.length === 0) return;
  const [creditValue, performer] = await Promise.all([
    getCreditValue(tx),
    tx.performer.findUniqueOrThrow({ where: { id: show.performerId }, select: { benefitPercent: true } }),
  ]);
  await tx.tip.createMany({
    data: tickets.map((ticket) => {
      const price = priceOfCredits(ticket.price, creditValue);
      return {
        date: now, action: "ticket" as const, userId: ticket.userId, performerId: show.performerId, credits: ticket.price,
        price, performerBenefit: performerBenefit(price, performer.benefitPercent), ticketId: ticket.id, item: show.title.slice(0, 80),
      };
    }),
  });
}
