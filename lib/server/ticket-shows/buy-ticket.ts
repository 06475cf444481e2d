import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Ticket } from "@/lib/generated/prisma/client";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { earnTickets } from "./earn-tickets";
import { lockTicketShow } from "./lock-ticket-show";

export type BuyTicketOptions = { userId: number; ticketShowId: number; now?: Date; db?: Tx };

/**
 * A viewer buys a ticket: one ledger debit of the show's price (key ticket:<id>), one ticket per
 * viewer and show (a second purchase answers the ticket already held), never more than the seats.
 * The show's row lock serialises purchases, so the last seats go to exactly as many buyers.
 * A ticket bought while the show is live is earned at once (its ppv_tips row).
 */
export type BoughtTicket = { ticket: Ticket; user: { id: number; credits: number } };

export async function buyTicket({ userId, ticketShowId, now = new Date(), db }: BuyTicketOptions): Promise<BoughtTicket> {
  try {
    return await inTransaction(db, async (tx) => {
      const show = await lockTicketShow(tx, ticketShowId);
      const held = await tx.ticket.findUnique({ where: { ticketShowId_userId: { ticketShowId, userId } } });
      if (held && held.refundedAt === null) {
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, credits: true } });
        return { ticket: held, user };
      }
      if (show.status !== "scheduled" && show.status !== "live") {
        throw new AppError("invalid_transition", `Ticket show ${ticketShowId} is ${show.status}; tickets are sold until it ends.`);
      }
      const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
      if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
      if (user.role !== "viewer") throw new AppError("invalid_request", "Only a viewer account can buy a ticket.");
      if (held) throw new AppError("invalid_transition", "Your ticket to this show was refunded.");
      if (show.seats !== null && show.sold >= show.seats) throw new AppError("sold_out", `Ticket show ${ticketShowId} is sold out.`);
      const ticket = await tx.ticket.create({ data: { ticketShowId, userId, price: show.price, boughtAt: now } });
      // The ledger refuses a blocked, flagged or short account (and the whole purchase rolls back).
      const { balance } = await applyCreditChange(tx, { userId, delta: -show.price, kind: "ticket", reference: `ticket:${ticket.id}`, idempotencyKey: `ticket:${ticket.id}` });
      await tx.ticketShow.update({ where: { id: ticketShowId }, data: { sold: { increment: 1 } } });
      if (show.status === "live") await earnTickets(tx, show, [ticket], now);
      await notifyRoomChanged(tx, show.performerId);
      return { ticket, user: { id: userId, credits: balance } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This ticket is being bought right now; try again.");
    throw error;
  }
}
