import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { isLookupText } from "@/lib/http/route-params";

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
 * While a private show runs, the room belongs to its two parties: anyone else is refused (and their
 * page has been sent back to the wall). Returns the active show, if any, for further checks.
 */
export async function assertInRoom(member: RoomMember): Promise<{ activeShow: { id: number; userId: number } | null }> {
  const activeShow = await prisma.privateShow.findFirst({
    where: { performerId: member.room.performerId, status: "active" },
    select: { id: true, userId: true },
  });
  if (activeShow && !member.isOwner && activeShow.userId !== member.user.id) {
    throw new AppError("forbidden", `${member.room.displayName} is in a private show right now.`);
  }
  return { activeShow };
}
