import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { isLookupText } from "@/lib/http/route-params";
import { getRoomAudience } from "./get-room-audience";

export type RoomUser = { id: number; username: string; role: Role };

export type RoomMember = {
  user: RoomUser;
  /** The room's own performer. */
  isOwner: boolean;
  room: { performerId: number; performerUserId: number; slug: string; displayName: string };
};

/**
 * Who may be in a room at all: any signed-in viewer or admin, and the room's own performer. Another
 * performer is refused (performers work from their own studio). Unknown or disabled room → not_found.
 */
export async function getRoomMember({ user, slug }: { user: RoomUser; slug: string }): Promise<RoomMember> {
  if (!isLookupText(slug)) throw new AppError("not_found", "This room does not exist.");
  const room = await prisma.performer.findFirst({
    where: { slug, disabled: false },
    select: { id: true, userId: true, slug: true, displayName: true },
  });
  if (!room) throw new AppError("not_found", "This room does not exist.");
  const isOwner = room.userId === user.id;
  if (!isOwner && user.role === "performer") throw new AppError("forbidden", "Performers can only enter their own room.");
  return { user, isOwner, room: { performerId: room.id, performerUserId: room.userId, slug: room.slug, displayName: room.displayName } };
}

/**
 * Refuses anyone the room's current show closes it to (getRoomAudience: a private show's parties and
 * spies, a group show's payers, a ticket show's holders). Returns the active private show and its
 * spies' user ids, for further checks (spies watch but may not chat).
 */
export async function assertInRoom(member: RoomMember): Promise<{ activeShow: { id: number; userId: number } | null; spyUserIds: number[] }> {
  const { activeShow, spyUserIds, closed } = await getRoomAudience(member.room.performerId);
  if (closed && !member.isOwner && !closed.userIds.includes(member.user.id)) {
    throw new AppError("forbidden", `${member.room.displayName} is in a ${closed.show} show right now.`);
  }
  return { activeShow, spyUserIds };
}
