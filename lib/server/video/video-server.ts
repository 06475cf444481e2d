import "server-only";
import type { Presence } from "@/lib/server/presence/presence-source";
import type { VideoGrant } from "@/lib/video/grant";

export type VideoUser = { id: number; display: string };

export type VideoServerHealth = { url: string; up: boolean; rooms: number };

/**
 * The site's one interface to whatever carries the video. The site decides who may watch; the
 * implementation makes the media server enforce it. Room = one live performer.
 *  - p2p: no server; the performer's browser sends one copy per viewer (capped), nothing to enforce here.
 *  - janus: a Janus VideoRoom per live performer on one of VIDEO_SERVER's servers.
 */
export interface VideoServer {
  readonly kind: "p2p" | "janus";
  /** Creates the performer's room (or finds the existing one). Throws video_unavailable when no server can take it. */
  createRoom(performerId: number): Promise<void>;
  /** Destroys the room: every publisher and subscriber is dropped. No room: nothing to do. */
  destroyRoom(performerId: number): Promise<void>;
  /** Lets one user publish (the performer) or subscribe, and tells the browser how. */
  allowViewer(performerId: number, user: VideoUser, role: "publisher" | "subscriber"): Promise<VideoGrant>;
  /** Takes a user's permission back and drops their connection. */
  revokeViewer(performerId: number, userId: number): Promise<void>;
  /** Everyone but these users (and the performer) loses their connection and permission (a private show started). */
  kickAllExcept(performerId: number, keepUserIds: number[]): Promise<void>;
  /** For each user: is their subscriber connection in the room up right now? */
  presence(performerId: number, userIds: number[]): Promise<Map<number, Presence>>;
  /** For the admin dashboard. */
  health(): Promise<VideoServerHealth[]>;
}
