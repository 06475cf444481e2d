import "server-only";
import { P2P_MAX_VIEWERS } from "@/lib/video/grant";
import { getVideoServer } from "./get-video-server";
import type { VideoServerHealth } from "./video-server";

export type VideoStatus = { mode: "p2p"; maxViewers: number } | { mode: "janus"; servers: VideoServerHealth[] };

/** For the admin dashboard: how video reaches viewers, and why a room may refuse some. */
export async function getVideoStatus(): Promise<VideoStatus> {
  const video = getVideoServer();
  if (video.kind === "p2p") return { mode: "p2p", maxViewers: P2P_MAX_VIEWERS };
  return { mode: "janus", servers: await video.health() };
}
