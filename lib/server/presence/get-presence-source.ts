import "server-only";
import { loadEnv } from "@/lib/env";
import { janusPresence } from "@/lib/server/video/janus-presence";
import { p2pPresenceSource } from "./p2p-presence-source";
import type { PresenceSource } from "./presence-source";

/**
 * The presence source of the configured video mode: with a media server (VIDEO_SERVER), Janus knows
 * whether the viewer's subscriber connection is up; peer to peer, the room's own connections and the
 * performer's page tell.
 */
export function getPresenceSource(): PresenceSource {
  return loadEnv().VIDEO_SERVER.length > 0 ? janusPresence : p2pPresenceSource;
}
