import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoomShow, RoomView, WallStatus } from "@/lib/realtime/room-events";

/** A room's state as every connection of it shares it, before it is cut down per user (viewRoomState). */
export type RoomState = {
  performerId: number;
  performerUserId: number;
  status: WallStatus;
  /** Open requests, the active show and shows closed in the last RECENT_MS, newest first. */
  shows: RoomShow[];
};

/** How long a closed request or ended show stays in the state: long enough for its parties to be told. */
const RECENT_MS = 10 * 60 * 1000;

/** The room's state from the database (the only truth; notifications only say when to re-read it). Null: gone or disabled. */
export async function getRoomState(performerId: number, now = new Date()): Promise<RoomState | null> {
  const [performer, shows] = await Promise.all([
    prisma.performer.findUnique({ where: { id: performerId }, select: { userId: true, status: true, disabled: true } }),
    prisma.privateShow.findMany({
      where: { performerId, OR: [{ status: { in: ["requested", "active"] } }, { endedAt: { gte: new Date(now.getTime() - RECENT_MS) } }] },
      orderBy: { id: "desc" },
      take: 50,
      select: {
        id: true, userId: true, status: true, endReason: true, ratePerMinute: true, requestedAt: true, startedAt: true, endedAt: true,
        secondsBilled: true, creditsCharged: true, user: { select: { username: true } },
      },
    }),
  ]);
  if (!performer || performer.disabled) return null;
  const roomShows: RoomShow[] = shows.map(({ user, requestedAt, startedAt, endedAt, ...show }) => ({
    ...show,
    username: user.username,
    requestedAt: requestedAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    endedAt: endedAt?.toISOString() ?? null,
  }));
  const busy = roomShows.some((show) => show.status === "active");
  return { performerId, performerUserId: performer.userId, status: busy ? "busy" : performer.status, shows: roomShows };
}

/**
 * What one user may see of the state: the performer sees every request and show of their room, anyone
 * else only their own. During someone else's private show the user is `excluded`.
 */
export function viewRoomState(state: RoomState, user: { id: number }): RoomView {
  const isOwner = user.id === state.performerUserId;
  const active = state.shows.find((show) => show.status === "active");
  return {
    status: state.status,
    shows: isOwner ? state.shows : state.shows.filter((show) => show.userId === user.id),
    excluded: !isOwner && active !== undefined && active.userId !== user.id,
  };
}
