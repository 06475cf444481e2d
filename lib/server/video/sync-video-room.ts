import "server-only";
import { prisma } from "@/lib/db/prisma";
import { getVideoServer } from "./get-video-server";
import type { VideoServer } from "./video-server";

/**
 * Makes the media server match the site's state of one room. Called for every wall-status change
 * (show accepted or ended, performer online, offline or disabled — credits running out ends the show
 * the same way), so the media stops because the server cut it, not because a page obeyed:
 *  - offline or disabled: the room is destroyed, every viewer's media stops;
 *  - a private show runs: everyone but its viewer is kicked and their tokens removed;
 *  - otherwise nothing: viewers ask the site for a token again (their page sees the show end).
 */
export async function syncVideoRoom(performerId: number, video: VideoServer = getVideoServer()): Promise<void> {
  if (video.kind === "p2p") return;
  const performer = await prisma.performer.findUnique({
    where: { id: performerId },
    select: { status: true, disabled: true, shows: { where: { status: "active" }, select: { userId: true }, take: 1 } },
  });
  if (!performer || performer.disabled || performer.status === "offline") {
    await video.destroyRoom(performerId);
    return;
  }
  const show = performer.shows[0];
  if (show) await video.kickAllExcept(performerId, [show.userId]);
}
