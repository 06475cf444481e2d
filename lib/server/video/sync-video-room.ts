import "server-only";
import { prisma } from "@/lib/db/prisma";
import { getRoomAudience } from "@/lib/server/rooms/get-room-audience";
import { getVideoServer } from "./get-video-server";
import type { VideoServer } from "./video-server";

/**
 * Makes the media server match the site's state of one room. Called for every wall-status change
 * (show accepted or ended, performer online, offline or disabled — credits running out ends the show
 * the same way), so the media stops because the server cut it, not because a page obeyed:
 *  - offline or disabled: the room is destroyed, every viewer's media stops;
 *  - a private, group or ticket show runs: everyone it does not admit (getRoomAudience: the private
 *    show's viewer and spies, the group's payers, the ticket holders) is kicked and their tokens removed;
 *  - otherwise nothing: viewers ask the site for a token again (their page sees the show end).
 */
export async function syncVideoRoom(performerId: number, video: VideoServer = getVideoServer()): Promise<void> {
  if (video.kind === "p2p") return;
  const performer = await prisma.performer.findUnique({
    where: { id: performerId },
    select: { status: true, disabled: true },
  });
  if (!performer || performer.disabled || performer.status === "offline") {
    await video.destroyRoom(performerId);
    return;
  }
  const { closed } = await getRoomAudience(performerId);
  if (closed) await video.kickAllExcept(performerId, closed.userIds);
}
