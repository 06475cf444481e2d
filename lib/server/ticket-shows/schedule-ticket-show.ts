import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { TicketShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { TICKET_MAX_AHEAD_DAYS } from "@/lib/tickets/ticket-rules";

export type ScheduleTicketShowOptions = { performerId: number; title: string; startsAt: Date; seats?: number | null; now?: Date; db?: Tx };

/** The performer schedules a ticket show at their ticket price (snapshotted here). */
export async function scheduleTicketShow({ performerId, title, startsAt, seats = null, now = new Date(), db }: ScheduleTicketShowOptions): Promise<TicketShow> {
  if (startsAt <= now) throw new AppError("invalid_request", "The show must start in the future.", { startsAt: "A time in the future." });
  if (startsAt.getTime() > now.getTime() + TICKET_MAX_AHEAD_DAYS * 86_400_000) {
    throw new AppError("invalid_request", `At most ${TICKET_MAX_AHEAD_DAYS} days ahead.`, { startsAt: `At most ${TICKET_MAX_AHEAD_DAYS} days ahead.` });
  }
  if (seats !== null && (!Number.isInteger(seats) || seats < 1 || seats > 100_000)) throw new AppError("invalid_request", "seats must be 1..100000.");
  return inTransaction(db, async (tx) => {
    const performer = await tx.performer.findUnique({ where: { id: performerId }, select: { ticketPrice: true, disabled: true } });
    if (!performer || performer.disabled) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    const show = await tx.ticketShow.create({ data: { performerId, title, startsAt, seats, price: performer.ticketPrice, createdAt: now } });
    await notifyRoomChanged(tx, performerId);
    return show;
  });
}
