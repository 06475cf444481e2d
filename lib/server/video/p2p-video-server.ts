import "server-only";
import { P2P_MAX_VIEWERS } from "@/lib/video/grant";
import type { VideoServer } from "./video-server";

/**
 * Peer-to-peer mode (VIDEO_SERVER unset): the video goes from the performer's browser to each viewer's,
 * with the site relaying the signalling (lib/server/rooms/relay-signal.ts). There is no server to tell:
 * the performer's page serves at most P2P_MAX_VIEWERS and tells the others the room is full, and a
 * private show is enforced by the relay, which refuses signals to anyone but the show's viewer.
 */
export const p2pVideoServer: VideoServer = {
  kind: "p2p",
  createRoom: async () => undefined,
  destroyRoom: async () => undefined,
  allowViewer: async () => ({ mode: "p2p", maxViewers: P2P_MAX_VIEWERS }),
  revokeViewer: async () => undefined,
  kickAllExcept: async () => undefined,
  presence: async (_performerId, userIds) => new Map(userIds.map((id) => [id, "unknown"])),
  health: async () => [],
};
