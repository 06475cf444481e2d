import "server-only";
import { prisma } from "@/lib/db/prisma";

export type RoomAudience = {
  activeShow: { id: number; userId: number } | null;
  spyUserIds: number[];
  /**
   * Who besides the performer may be in the room now, with the show that closes it, or null while the
   * room is public. One rule for the room's pages, chat, signalling and the media server.
   */
  closed: { show: "private" | "group" | "ticket"; userIds: number[] } | null;
};

/**
 * While a private show runs the room belongs to its two parties and its paying spies; while a group
 * show runs, to its seated payers; while a ticket show is live, to its ticket holders.
 */
export async function getRoomAudience(performerId: number): Promise<RoomAudience> {
  const [activeShow, spies, group, ticketShow] = await Promise.all([
    prisma.privateShow.findFirst({ where: { performerId, status: "active", kind: "private" }, select: { id: true, userId: true } }),
    prisma.privateShow.findMany({ where: { performerId, status: "active", kind: "spy" }, select: { userId: true } }),
    prisma.groupShow.findFirst({ where: { performerId, status: "running" }, select: { seats: { where: { status: "active" }, select: { userId: true } } } }),
    prisma.ticketShow.findFirst({ where: { performerId, status: "live" }, select: { tickets: { where: { refundedAt: null }, select: { userId: true } } } }),
  ]);
  const spyUserIds = spies.map((spy) => spy.userId);
  const closed = activeShow
    ? { show: "private" as const, userIds: [activeShow.userId, ...spyUserIds] }
    : group
      ? { show: "group" as const, userIds: group.seats.map((seat) => seat.userId) }
      : ticketShow
        ? { show: "ticket" as const, userIds: ticketShow.tickets.map((ticket) => ticket.userId) }
        : null;
  return { activeShow, spyUserIds, closed };
}
