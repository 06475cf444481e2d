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
 * While a private show runs, the room belongs to its two parties and its paying spies: anyone else
 * is refused (and their page has been sent back to the wall). Returns the active show and its spies'
 * user ids, for further checks (spies watch but may not chat).
 */
export async function assertInRoom(member: RoomMember): Promise<{ activeShow: { id: number; userId: number } | null; spyUserIds: number[] }> {
  const performerId = member.room.performerId;
  const [activeShow, spies, group, ticketShow] = await Promise.all([
    prisma.privateShow.findFirst({ where: { performerId, status: "active", kind: "private" }, select: { id: true, userId: true } }),
    prisma.privateShow.findMany({ where: { performerId, status: "active", kind: "spy" }, select: { userId: true } }),
    prisma.groupShow.findFirst({ where: { performerId, status: "running" }, select: { seats: { where: { status: "active" }, select: { userId: true } } } }),
    prisma.ticketShow.findFirst({ where: { performerId, status: "live" }, select: { tickets: { where: { refundedAt: null }, select: { userId: true } } } }),
  ]);
  const spyUserIds = spies.map((spy) => spy.userId);
  const me = member.user.id;
  if (activeShow && !member.isOwner && activeShow.userId !== me && !spyUserIds.includes(me)) {
    throw new AppError("forbidden", `${member.room.displayName} is in a private show right now.`);
  }
  if (group && !member.isOwner && !group.seats.some((seat) => seat.userId === me)) {
    throw new AppError("forbidden", `${member.room.displayName} is in a group show right now.`);
  }
  if (ticketShow && !member.isOwner && !ticketShow.tickets.some((ticket) => ticket.userId === me)) {
    throw new AppError("forbidden", `${member.room.displayName} is in a ticket show right now.`);
  }
  return { activeShow, spyUserIds };
}
