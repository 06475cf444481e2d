import "server-only";
import { getVideoServer } from "./get-video-server";
import type { Presence, PresenceSource } from "@/lib/server/presence/presence-source";

/**
 * Presence for billing private shows, from the media server: a show's viewer is present while their
 * subscriber connection to the performer's room is up (lib/server/video/janus-video-server.ts reads
 * it from Janus' admin API). A closed tab is absent within a second; a silent page that keeps
 * watching stays present. In peer-to-peer mode the media server knows nothing: "unknown".
 */
export const janusPresence: PresenceSource = {
  name: "janus",
  async check(shows) {
    const video = getVideoServer();
    const result = new Map<number, Presence>();
    const byPerformer = new Map<number, typeof shows>();
    for (const show of shows) byPerformer.set(show.performerId, [...(byPerformer.get(show.performerId) ?? []), show]);
    await Promise.all(
      [...byPerformer].map(async ([performerId, list]) => {
        const users = await video.presence(performerId, list.map((show) => show.userId));
        for (const show of list) result.set(show.id, users.get(show.userId) ?? "unknown");
      }),
    );
    return result;
  },
};
