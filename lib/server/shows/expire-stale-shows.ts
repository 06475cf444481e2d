import "server-only";
import { prisma } from "@/lib/db/prisma";
import { SHOW_TIMEOUT_SECONDS } from "./billing";
import { timeoutShows } from "./timeout-shows";

export type ExpireStaleShowsOptions = { now?: Date; limit?: number };

/**
 * The periodic sweep: ends up to `limit` active shows with no heartbeat for more than 45 s (reason
 * timeout, billed to their last heartbeat) and returns how many it ended. Every app instance may
 * run it at the same time: SKIP LOCKED hands each stale show to exactly one sweep, and a show a
 * heartbeat or an end is holding is left to that transaction (the lazy rule covers it later).
 */
export async function expireStaleShows({ now = new Date(), limit = 500 }: ExpireStaleShowsOptions = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - SHOW_TIMEOUT_SECONDS * 1000);
  return prisma.$transaction(async (tx) => {
    // accept sets last_heartbeat_at, so it is only null for rows written by hand: fall back to started_at.
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM private_shows
       WHERE status = 'active'
         AND (last_heartbeat_at < ${cutoff} OR (last_heartbeat_at IS NULL AND started_at < ${cutoff}))
       ORDER BY id
       LIMIT ${limit}
         FOR NO KEY UPDATE SKIP LOCKED`;
    if (locked.length === 0) return 0;
    const shows = await tx.privateShow.findMany({ where: { id: { in: locked.map((row) => row.id) } }, orderBy: { id: "asc" } });
    await timeoutShows(tx, shows);
    return shows.length;
  });
}
