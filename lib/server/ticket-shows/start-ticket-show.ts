import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { TicketShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { refundDeadline, TICKET_EARLY_START_SECONDS } from "@/lib/tickets/ticket-rules";
import { earnTickets } from "./earn-tickets";
import { lockTicketShow } from "./lock-ticket-show";

/**
 * The performer goes live with a ticket show (from 15 minutes before its time until the grace period
 * ends): from now only ticket holders stay in the room, and the tickets become earnings.
 */
export async function startTicketShow({ ticketShowId, now = new Date(), db }: { ticketShowId: number; now?: Date; db?: Tx }): Promise<TicketShow> {
  return inTransaction(db, async (tx) => {
    const show = await lockTicketShow(tx, ticketShowId);
    if (show.status !== "scheduled") throw new AppError("invalid_transition", `Ticket show ${ticketShowId} is ${show.status}; only a scheduled one can start.`);
    if (now.getTime() < show.startsAt.getTime() - TICKET_EARLY_START_SECONDS * 1000) {
      throw new AppError("invalid_transition", `Ticket show ${ticketShowId} starts at ${show.startsAt.toISOString()}; it can go live 15 minutes before.`);
    }
    if (now > refundDeadline(show.startsAt)) throw new AppError("invalid_transition", `Ticket show ${ticketShowId} missed its start; its tickets are being refunded.`);
    const busy = await tx.privateShow.findFirst({ where: { performerId: show.performerId, kind: "private", status: "active" }, select: { id: true } });
    if (busy) throw new AppError("performer_unavailable", "End the private show first.");
    const tickets = await tx.ticket.findMany({ where: { ticketShowId, refundedAt: null }, select: { id: true, userId: true, price: true } });
    await earnTickets(tx, show, tickets, now);
    const live = await tx.ticketShow.update({ where: { id: ticketShowId }, data: { status: "live", startedAt: now } });
    await notifyRoomChanged(tx, show.performerId);
    return live;
  });
}

/** The performer ends a live ticket show. Ending an ended one returns it. */
export async function endTicketShow({ ticketShowId, now = new Date(), db }: { ticketShowId: number; now?: Date; db?: Tx }): Promise<TicketShow> {
  return inTransaction(db, async (tx) => {
    const show = await lockTicketShow(tx, ticketShowId);
    if (show.status === "ended") return show;
    if (show.status !== "live") throw new AppError("invalid_transition", `Ticket show ${ticketShowId} is ${show.status}; only a live one can end.`);
    const ended = await tx.ticketShow.update({ where: { id: ticketShowId }, data: { status: "ended", endedAt: now } });
    await notifyRoomChanged(tx, show.performerId);
    return ended;
  });
}
