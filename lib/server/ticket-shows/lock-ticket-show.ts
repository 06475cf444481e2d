import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { TicketShow } from "@/lib/generated/prisma/client";

/**
 * Locks a ticket show's row and reads it: purchases (the seat count), the start, the cancellation
 * and the refund sweep run one after another. Lock order: ticket show → its tickets → viewers.
 */
export async function lockTicketShow(tx: Tx, ticketShowId: number): Promise<TicketShow> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM ticket_shows WHERE id = ${ticketShowId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", `Ticket show ${ticketShowId} does not exist.`);
  return tx.ticketShow.findUniqueOrThrow({ where: { id: ticketShowId } });
}
