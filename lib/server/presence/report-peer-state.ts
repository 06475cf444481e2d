import "server-only";
import { AppError } from "@/lib/errors";
import { connectionUser } from "@/lib/server/rooms/connection-id";
import { publishRoomMessage } from "@/lib/server/rooms/room-channel";
import { requireShowParty } from "@/lib/server/shows/require-show-party";

export type ReportPeerStateOptions = { performerUserId: number; showId: number; conn: string; connected: boolean };

/**
 * The performer's studio saw its peer connection to the show's viewer page `conn` go (`disconnected`
 * or `failed`) or come back. Passed to whichever instance holds that page's room connection, where
 * a gone peer stops counting as present (lib/server/presence/p2p-presence-source.ts). Only the
 * show's performer may report, and only on a connection of the show's viewer; a report can never
 * make present a page whose room connection is closed.
 */
export async function reportPeerState({ performerUserId, showId, conn, connected }: ReportPeerStateOptions): Promise<void> {
  const show = await requireShowParty({ showId, userId: performerUserId, as: "performer" });
  if (connectionUser(conn) !== show.userId) throw new AppError("invalid_request", "conn: not a room connection of this show's viewer.");
  await publishRoomMessage(show.performerId, { t: "peer", conn, connected });
}
