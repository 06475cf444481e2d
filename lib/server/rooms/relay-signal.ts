import "server-only";
import { AppError } from "@/lib/errors";
import type { SignalData } from "@/lib/realtime/room-events";
import { connectionUser } from "./connection-id";
import { assertInRoom, getRoomMember, type RoomUser } from "./get-room-member";
import { publishRoomMessage } from "./room-channel";

export type RelaySignalOptions = { user: RoomUser; slug: string; from: string; to: string; data: SignalData };

/**
 * Passes a WebRTC signalling message (hello, ready, offer, answer, ICE candidate, bye) to its
 * recipient's room connection, through NOTIFY so that it reaches whichever instance holds it.
 * The video itself never touches the site. Rules:
 *  - the sender's connection id must be one the site issued to the session's user;
 *  - a viewer may only address the room's performer, and not during someone else's private show;
 *  - the performer may address the whole audience or one viewer's connection; during a private show
 *    only the show's viewer.
 */
export async function relaySignal({ user, slug, from, to, data }: RelaySignalOptions): Promise<void> {
  if (connectionUser(from) !== user.id) throw new AppError("forbidden", "This room connection is not yours.");
  const member = await getRoomMember({ user, slug });
  const { activeShow, spyUserIds } = await assertInRoom(member);
  if (member.isOwner) {
    if (to === "performer") throw new AppError("invalid_request", "to: you are the performer of this room.");
    if (to !== "audience") {
      const target = connectionUser(to);
      if (target === null || target === user.id) throw new AppError("invalid_request", "to: not a connection of this room.");
      if (activeShow && target !== activeShow.userId && !spyUserIds.includes(target)) {
        throw new AppError("forbidden", "During a private show only its viewer and its spies can receive the stream.");
      }
    }
  } else {
    if (to === "audience") throw new AppError("forbidden", "Only the performer can signal the whole room.");
    if (to !== "performer" && connectionUser(to) !== member.room.performerUserId) {
      throw new AppError("forbidden", "A viewer can only signal the room's performer.");
    }
  }
  await publishRoomMessage(member.room.performerId, { t: "signal", to, from: { conn: from, userId: user.id }, data });
}
