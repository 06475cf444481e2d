import "server-only";
import { assertInRoom, getRoomMember, type RoomUser } from "@/lib/server/rooms/get-room-member";
import type { VideoGrant } from "@/lib/video/grant";
import { getVideoServer } from "./get-video-server";

/**
 * POST /api/rooms/[slug]/video: the site decides who may send or watch the room's video, and tells the
 * media server. The performer gets to publish (which creates the room on a media server); a viewer
 * gets to subscribe while they may be in the room — not during someone else's private show.
 */
export async function grantVideo({ user, slug }: { user: RoomUser; slug: string }): Promise<VideoGrant> {
  const member = await getRoomMember({ user, slug });
  await assertInRoom(member);
  const video = getVideoServer();
  const performerId = member.room.performerId;
  const grant = await video.allowViewer(performerId, { id: user.id, display: user.username }, member.isOwner ? "publisher" : "subscriber");
  if (!member.isOwner) {
    // A private show may have started while the token was being added: its kick has then missed this token.
    try {
      await assertInRoom(member);
    } catch (error) {
      await video.revokeViewer(performerId, user.id);
      throw error;
    }
  }
  return grant;
}
