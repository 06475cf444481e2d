// What a browser gets from POST /api/rooms/[slug]/video: how to send (performer) or receive (viewer)
// the room's video. Shared by the server, which issues it, and the browser clients in components/video.

/** Peer-to-peer mode: the performer's browser sends one copy per viewer, so it serves this many at most. */
export const P2P_MAX_VIEWERS = 8;

export type VideoGrant =
  | { mode: "p2p"; maxViewers: number }
  | {
      mode: "janus";
      /** The media server's WebSocket URL. */
      url: string;
      room: number;
      /** This user's participant id and token in the room: the site chose both, Janus checks them. */
      id: number;
      token: string;
      /** The performer's participant id: the feed a viewer subscribes to. */
      feed: number;
      role: "publisher" | "subscriber";
    };
