import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { prisma } from "@/lib/db/prisma";
import type { BillingUpdate, ChatMessage, SignalData, SignalTarget, TipNotice } from "@/lib/realtime/room-events";
import { publish } from "@/lib/server/realtime/publish";

// A room's NOTIFY channel: every app instance with a viewer of the room LISTENs on it, and each
// instance's room feed (room-feed.ts) passes the messages on to its own SSE connections.

export const roomChannel = (performerId: number) => `room_${performerId}`;

export type RoomMessage =
  /** Shows or requests changed: reload the room's state from the database. */
  | { t: "refresh" }
  | { t: "chat"; message: ChatMessage }
  | { t: "signal"; to: SignalTarget; from: { conn: string; userId: number }; data: SignalData }
  | { t: "billing"; userId: number; update: BillingUpdate }
  | { t: "tip"; tip: TipNotice }
  /** The viewers one instance holds; the room's count is the union over live instances. */
  | { t: "presence"; instance: string; viewers: number[] }
  /** The performer's browser saw its peer connection to this viewer connection go (or come back). */
  | { t: "peer"; conn: string; connected: boolean };

export async function publishRoomMessage(performerId: number, message: RoomMessage, db: Tx | typeof prisma = prisma): Promise<void> {
  await publish(roomChannel(performerId), message, db);
}

/**
 * Announces, in the caller's transaction, that a room's requests or shows changed, so that its open
 * pages reload them only if the change commits. (Status changes, accepts and ends already announce
 * themselves on the wall_status channel, which room feeds also follow.)
 */
export async function notifyRoomChanged(tx: Tx, performerId: number): Promise<void> {
  await publishRoomMessage(performerId, { t: "refresh" }, tx);
}
