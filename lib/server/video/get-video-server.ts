import "server-only";
import { loadEnv } from "@/lib/env";
import { JanusVideoServer } from "./janus-video-server";
import { p2pVideoServer } from "./p2p-video-server";
import type { VideoServer } from "./video-server";

// Per module, not on globalThis: Next bundles instrumentation and each route separately, and an
// instance made in one bundle throws that bundle's AppError, which another bundle's error mapping
// does not recognise (it answered 500 instead of 503). The instances hold only configuration.
let cached: VideoServer | undefined;

/** The configured video server: Janus when VIDEO_SERVER is set, otherwise peer to peer. */
export function getVideoServer(): VideoServer {
  if (!cached) {
    const env = loadEnv();
    cached =
      env.VIDEO_SERVER.length === 0
        ? p2pVideoServer
        : new JanusVideoServer({
            servers: env.VIDEO_SERVER.map((apiUrl, i) => ({ apiUrl, publicUrl: env.VIDEO_PUBLIC_URLS[i]!, adminUrl: env.VIDEO_ADMIN_URLS[i]! })),
            adminSecret: env.VIDEO_ADMIN_SECRET!,
            roomAdminKey: env.VIDEO_ROOM_ADMIN_KEY!,
          });
  }
  return cached;
}
