import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { TicketShow } from "@/lib/generated/prisma/client";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";

/**
 * Cancels a scheduled ticket show the caller has locked and refunds every ticket with its reason.
 * Exactly once: the show's row lock makes a second run wait and then find it cancelled, and each
 * refund's ledger key (ticket-refund:<ticket id>) is unique, so even a caller that erred could not
 * credit a ticket twice.
 */
export async function cancelAndRefund(tx: Tx, show: TicketShow, reason: string, now: Date): Promise<number> {
  await tx.ticketShow.update({ where: { id: show.id }, data: { status: "cancelled", endedAt: now, cancelReason: reason } });
  const tickets = await tx.ticket.findMany({ where: { ticketShowId: show.id, refundedAt: null }, orderBy: { id: "asc" }, select: { id: true, userId: true, price: true } });
  for (const ticket of tickets) {
    await applyCreditChange(tx, {
      userId: ticket.userId, delta: ticket.price, kind: "ticket_refund", reference: `ticket:${ticket.id}`,
      idempotencyKey: `ticket-refund:${ticket.id}`, reason,
    });
  }
  await tx.ticket.updateMany({ where: { ticketShowId: show.id, refundedAt: null }, data: { refundedAt: now, refundReason: reason } });
  await notifyRoomChanged(tx, show.performerId);
  return tickets.length;
}
