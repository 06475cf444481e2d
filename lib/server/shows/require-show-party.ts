import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export type ShowParty = { id: number; userId: number; performerId: number };

/**
 * The site's UI acts on a show only as one of its two parties: its viewer (cancel, end) or its
 * performer (accept, decline, end). Anyone else gets not_found, as if the show did not exist.
 */
export async function requireShowParty({ showId, userId, as }: { showId: number; userId: number; as: "viewer" | "performer" }): Promise<ShowParty> {
  const show = await prisma.privateShow.findUnique({
    where: { id: showId },
    select: { id: true, userId: true, performerId: true, performer: { select: { userId: true } } },
  });
  const isParty = as === "viewer" ? show?.userId === userId : show?.performer.userId === userId;
  if (!show || !isParty) throw new AppError("not_found", `Show ${showId} does not exist.`);
  return { id: show.id, userId: show.userId, performerId: show.performerId };
}
