import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { SHOW_TIMEOUT_SECONDS } from "@/lib/shows/billing";
import { timeoutShows } from "./timeout-shows";

export type ExpireStaleShowsOptions = { now?: Date; limit?: number };

/**
 * The periodic sweep: ends up to `limit` active shows with no heartbeat for more than 45 s (reason
 * timeout, billed to their last heartbeat) and returns how many it ended. Every app instance may
 * run it at the same time: SKIP LOCKED hands each stale show to exactly one sweep, and a show a
 * heartbeat or an end is holding is left to that transaction (the lazy rule covers it later).
 *
 * The whole batch ends in one transaction. If that fails, every show is retried in a transaction
 * of its own, so one row that cannot be ended (logged, left active) never keeps the others running.
 */
export async function expireStaleShows({ now = new Date(), limit = 500 }: ExpireStaleShowsOptions = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - SHOW_TIMEOUT_SECONDS * 1000);
  try {
    return await prisma.$transaction((tx) => expireLocked(tx, cutoff, { limit }));
  } catch (error) {
    console.error("sweeper: a batch of stale shows failed; ending them one at a time", error);
  }
  const ids = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM private_shows
     WHERE status = 'active' AND (last_heartbeat_at < ${cutoff} OR (last_heartbeat_at IS NULL AND started_at < ${cutoff}))
     ORDER BY id
     LIMIT ${limit}`;
  let ended = 0;
  for (const { id } of ids) {
    try {
      ended += await prisma.$transaction((tx) => expireLocked(tx, cutoff, { id }));
    } catch (error) {
      console.error(`sweeper: show ${id} could not be ended; the other shows go on`, error);
    }
  }
  return ended;
}

// Locks the stale shows (all up to `limit`, or the one `id`) and ends them; returns how many.
// accept sets last_heartbeat_at, so it is only null for rows written by hand: fall back to started_at.
async function expireLocked(tx: Tx, cutoff: Date, which: { limit: number } | { id: number }): Promise<number> {
  const id = "id" in which ? which.id : null;
  const limit = "limit" in which ? which.limit : 1;
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM private_shows
     WHERE status = 'active'
       AND (last_heartbeat_at < ${cutoff} OR (last_heartbeat_at IS NULL AND started_at < ${cutoff}))
       AND (${id}::int IS NULL OR id = ${id}::int)
     ORDER BY id
     LIMIT ${limit}
       FOR NO KEY UPDATE SKIP LOCKED`;
  if (locked.length === 0) return 0;
  const shows = await tx.privateShow.findMany({ where: { id: { in: locked.map((row) => row.id) } }, orderBy: { id: "asc" } });
  await timeoutShows(tx, shows);
  return shows.length;
}
