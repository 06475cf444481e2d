import "server-only";
import { prisma } from "@/lib/db/prisma";

export const WALL_VIEWERS_CHANNEL = "wall_viewers";
/** A room's size reaches the walls at most this often: a busy room churns viewers every second. */
const SETTLE_MS = 2_000;

const globalForCounts = globalThis as unknown as { viewerCounts?: Map<number, { count: number; timer: NodeJS.Timeout }> };
const pending = (globalForCounts.viewerCounts ??= new Map());

/**
 * The room feeds call this when a room's viewer count (all instances) changes. After it settles, one
 * statement stores the count on the performer (for the server-rendered wall) and, only if it really
 * changed, NOTIFYs the walls; every instance holding the room writes the same union, so the writes
 * agree.
 */
export function recordViewerCount(performerId: number, count: number): void {
  const entry = pending.get(performerId);
  if (entry) {
    entry.count = count;
    return;
  }
  const timer = setTimeout(() => {
    const latest = pending.get(performerId)?.count ?? count;
    pending.delete(performerId);
    void writeViewerCount(performerId, latest).catch((error: unknown) => console.error(`viewer count of ${performerId} not stored`, error));
  }, SETTLE_MS);
  timer.unref();
  pending.set(performerId, { count, timer });
}

export async function writeViewerCount(performerId: number, count: number): Promise<void> {
  await prisma.$executeRaw`
    WITH changed AS (
      UPDATE performers SET viewer_count = ${count} WHERE id = ${performerId} AND viewer_count <> ${count} RETURNING id
    )
    SELECT pg_notify(${WALL_VIEWERS_CHANNEL}, json_build_object('performerId', id, 'count', ${count}::int)::text) FROM changed`;
}
