import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** A ticket show of this performer's, or not_found (the studio acts only on its own shows). */
export async function requireOwnTicketShow(performerId: number, ticketShowId: number): Promise<void> {
  const show = await prisma.ticketShow.findUnique({ where: { id: ticketShowId }, select: { performerId: true } });
  if (!show || show.performerId !== performerId) throw new AppError("not_found", `Ticket show ${ticketShowId} does not exist.`);
}
