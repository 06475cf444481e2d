import "server-only";
import { p2pPresenceSource } from "./p2p-presence-source";
import type { PresenceSource } from "./presence-source";

/** The presence source of the configured video mode: the built-in room's peer-to-peer video. */
export function getPresenceSource(): PresenceSource {
  return p2pPresenceSource;
}
