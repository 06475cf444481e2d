import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { WallStatus } from "./list-performers";

export const WALL_STATUS_CHANNEL = "wall_status";

export type WallStatusEvent = { performerId: number; status: WallStatus };

// Real-time hook: every app instance can LISTEN on this channel (e.g. for SSE to the wall).
// Sent inside the caller's transaction, so PostgreSQL delivers it only if, and when, the change
// commits — a rolled-back transition never announces a status that did not happen.
export async function notifyWallStatus(tx: Tx, events: WallStatusEvent[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map(({ performerId, status }) => JSON.stringify({ performerId, status }));
  // $executeRaw: pg_notify returns `void`, which a result-reading query could not deserialise.
  await tx.$executeRaw`SELECT pg_notify(${WALL_STATUS_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`;
}
