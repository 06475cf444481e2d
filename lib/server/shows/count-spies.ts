import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** How many spies watch a private show right now. */
export async function countSpies(showId: number): Promise<number> {
  const show = await prisma.privateShow.findUnique({ where: { id: showId }, select: { kind: true } });
  if (!show || show.kind !== "private") throw new AppError("not_found", `Show ${showId} does not exist.`);
  return prisma.privateShow.count({ where: { parentShowId: showId, status: "active" } });
}
