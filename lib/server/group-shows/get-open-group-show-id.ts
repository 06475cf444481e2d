import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** The performer's open (waiting or running) group show: the studio's buttons act on it. */
export async function getOpenGroupShowId(performerId: number): Promise<number> {
  const open = await prisma.groupShow.findFirst({ where: { performerId, status: { in: ["waiting", "running"] } }, select: { id: true } });
  if (!open) throw new AppError("not_found", "No group show is open in your room.");
  return open.id;
}
