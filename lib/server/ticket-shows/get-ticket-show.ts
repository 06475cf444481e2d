import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export type ApiTicketShow = {
  id: number; performerId: number; title: string; price: number; startsAt: string; seats: number | null; sold: number;
  status: "scheduled" | "live" | "ended" | "cancelled"; startedAt: string | null; endedAt: string | null; cancelReason: string | null; holders: number[];
};

/** A ticket show and the viewers holding a ticket to it, as the chat API shows it. */
export async function getTicketShow(ticketShowId: number, db: Tx | typeof prisma = prisma): Promise<ApiTicketShow> {
  const show = await db.ticketShow.findUnique({
    where: { id: ticketShowId },
    include: { tickets: { where: { refundedAt: null }, select: { userId: true }, orderBy: { id: "asc" } } },
  });
  if (!show) throw new AppError("not_found", `Ticket show ${ticketShowId} does not exist.`);
  return {
    id: show.id, performerId: show.performerId, title: show.title, price: show.price, startsAt: show.startsAt.toISOString(), seats: show.seats,
    sold: show.sold, status: show.status, startedAt: show.startedAt?.toISOString() ?? null, endedAt: show.endedAt?.toISOString() ?? null,
    cancelReason: show.cancelReason, holders: show.tickets.map((t) => t.userId),
  };
}
