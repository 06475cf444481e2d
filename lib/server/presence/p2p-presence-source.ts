import "server-only";
import { viewerPresence } from "@/lib/server/rooms/room-feed";
import type { Presence, PresenceSource } from "./presence-source";

/**
 * Peer-to-peer video (the performer's browser sends to the viewer's): the viewer is present while
 * they hold an open connection to the room's event stream on this instance, which the WebRTC
 * signalling needs, and the performer's browser has not reported its peer connection to that page
 * gone (it sees `disconnected`/`failed` within seconds, even when the viewer's TCP connection is a
 * black hole the server would notice only minutes later). A performer cannot make a viewer present:
 * their reports only ever apply to a connection the viewer holds open.
 */
export const p2pPresenceSource: PresenceSource = {
  name: "p2p",
  async check(shows) {
    return new Map<number, Presence>(shows.map((show) => [show.id, viewerPresence(show.performerId, show.userId)]));
  },
};
