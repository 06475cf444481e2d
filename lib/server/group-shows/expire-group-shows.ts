import "server-only";
import { prisma } from "@/lib/db/prisma";
import { cancelGroupShow } from "./cancel-group-show";

/**
 * The sweep's share: cancels the waiting group shows past their start time (the minimum was not
 * reached, or the performer never started): nobody pays. SKIP LOCKED, like the show sweep.
 */
export async function expireGroupShows({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM group_shows WHERE status = 'waiting' AND start_by < ${now} ORDER BY id LIMIT ${limit} FOR NO KEY UPDATE SKIP LOCKED`;
    for (const { id } of due) await cancelGroupShow(tx, await tx.groupShow.findUniqueOrThrow({ where: { id } }), now);
    return due.length;
  });
}
