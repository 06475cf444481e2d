import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

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
 * While a private show runs, the room belongs to its two parties and its paying spies: anyone else
 * is refused (and their page has been sent back to the wall). Returns the active show and its spies'
 * user ids, for further checks (spies watch but may not chat).
 */
export async function assertInRoom(member: RoomMember): Promise<{ activeShow: { id: number; userId: number } | null; spyUserIds: number[] }> {
  const [activeShow, spies] = await Promise.all([
    prisma.privateShow.findFirst({ where: { performerId: member.room.performerId, status: "active", kind: "private" }, select: { id: true, userId: true } }),
    prisma.privateShow.findMany({ where: { performerId: member.room.performerId, status: "active", kind: "spy" }, select: { userId: true } }),
  ]);
  const spyUserIds = spies.map((spy) => spy.userId);
  if (activeShow && !member.isOwner && activeShow.userId !== member.user.id && !spyUserIds.includes(member.user.id)) {
    throw new AppError("forbidden", `${member.room.displayName} is in a private show right now.`);
  }
  return { activeShow, spyUserIds };
}
