import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoomGroupShow, RoomShow, RoomTicketShow, RoomView, ShowStatus, TipMenuEntry, WallGoal, WallStatus } from "@/lib/realtime/room-events";
import { getActiveGoal } from "@/lib/server/goals/get-active-goal";
import { listTipMenu } from "@/lib/server/tip-menu/list-tip-menu";

/** A room's state as every connection of it shares it, before it is cut down per user (viewRoomState). */
export type RoomState = {
  performerId: number;
  performerUserId: number;
  status: WallStatus;
  /** Open requests, the active show and shows closed in the last RECENT_MS, newest first (private shows only). */
  shows: RoomShow[];
  /** The active spy sessions on the running private show. */
  spies: { id: number; userId: number }[];
  /** Spying is possible on the running private show (the site's and the performer's switches). */
  spyable: boolean;
  spyRatePerMinute: number;
  goal: WallGoal | null;
  tipMenu: TipMenuEntry[];
  group: (Omit<RoomGroupShow, "joined" | "mySeat"> & { seats: { id: number; userId: number; status: ShowStatus }[] }) | null;
  ticketShow: (Omit<RoomTicketShow, "holding"> & { holders: number[] }) | null;
};

/** How long a closed request or ended show stays in the state: long enough for its parties to be told. */
const RECENT_MS = 10 * 60 * 1000;

/** The room's state from the database (the only truth; notifications only say when to re-read it). Null: gone or disabled. */
export async function getRoomState(performerId: number, now = new Date()): Promise<RoomState | null> {
  const [performer, shows, spies, setting, goal, tipMenu, group, ticketShow] = await Promise.all([
    prisma.performer.findUnique({ where: { id: performerId }, select: { userId: true, status: true, disabled: true, spyRatePerMinute: true } }),
    prisma.privateShow.findMany({
      where: { performerId, kind: "private", OR: [{ status: { in: ["requested", "active"] } }, { endedAt: { gte: new Date(now.getTime() - RECENT_MS) } }] },
      orderBy: { id: "desc" },
      take: 50,
      select: {
        id: true, userId: true, status: true, endReason: true, ratePerMinute: true, requestedAt: true, startedAt: true, endedAt: true,
        secondsBilled: true, creditsCharged: true, spiesAllowed: true, user: { select: { username: true } },
      },
    }),
    prisma.privateShow.findMany({ where: { performerId, kind: "spy", status: "active" }, select: { id: true, userId: true }, orderBy: { id: "asc" } }),
    prisma.setting.findUnique({ where: { id: 1 }, select: { spyEnabled: true } }),
    getActiveGoal(performerId, now),
    listTipMenu(performerId),
    prisma.groupShow.findFirst({
      where: { performerId, status: { in: ["waiting", "running"] } },
      include: { seats: { where: { status: { in: ["requested", "active"] } }, select: { id: true, userId: true, status: true } } },
    }),
    prisma.ticketShow.findFirst({
      where: { performerId, status: { in: ["scheduled", "live"] } },
      orderBy: [{ status: "asc" }, { startsAt: "asc" }],
      include: { tickets: { where: { refundedAt: null }, select: { userId: true } } },
    }),
  ]);
  if (!performer || performer.disabled) return null;
  const roomShows: RoomShow[] = shows.map(({ user, requestedAt, startedAt, endedAt, id, userId, status, endReason, ratePerMinute, secondsBilled, creditsCharged }) => ({
    id, userId, status, endReason, ratePerMinute, secondsBilled, creditsCharged,
    username: user.username,
    requestedAt: requestedAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    endedAt: endedAt?.toISOString() ?? null,
  }));
  const active = shows.find((show) => show.status === "active");
  return {
    performerId, performerUserId: performer.userId, status: active ? "busy" : performer.status, shows: roomShows, spies,
    spyable: active !== undefined && active.spiesAllowed && (setting?.spyEnabled ?? true), spyRatePerMinute: performer.spyRatePerMinute,
    goal: goal && { title: goal.title, target: goal.target, collected: goal.collected, reached: goal.status === "reached" },
    tipMenu,
    group: group && {
      id: group.id, status: group.status as "waiting" | "running", ratePerMinute: group.ratePerMinute, minViewers: group.minViewers,
      startBy: group.startBy.toISOString(), seats: group.seats,
    },
    ticketShow: ticketShow && {
      id: ticketShow.id, title: ticketShow.title, price: ticketShow.price, startsAt: ticketShow.startsAt.toISOString(),
      status: ticketShow.status as "scheduled" | "live", seats: ticketShow.seats, sold: ticketShow.sold, holders: ticketShow.tickets.map((t) => t.userId),
    },
  };
}

/**
 * What one user may see of the state: the performer sees every request and show of their room, anyone
 * else only their own. During someone else's private show the user is `excluded`.
 */
export function viewRoomState(state: RoomState, user: { id: number }): RoomView {
  const isOwner = user.id === state.performerUserId;
  const active = state.shows.find((show) => show.status === "active");
  const party = isOwner || active?.userId === user.id;
  const spySession = state.spies.find((spy) => spy.userId === user.id) ?? null;
  const mySeat = state.group?.seats.find((seat) => seat.userId === user.id) ?? null;
  // A running group show keeps only its seated payers; a live ticket show only its ticket holders.
  const outOfGroup = state.group?.status === "running" && mySeat?.status !== "active";
  const outOfTicketShow = state.ticketShow?.status === "live" && !state.ticketShow.holders.includes(user.id);
  return {
    status: state.status,
    shows: isOwner ? state.shows : state.shows.filter((show) => show.userId === user.id),
    excluded: !isOwner && ((!party && active !== undefined && spySession === null) || outOfGroup || outOfTicketShow),
    spies: party ? state.spies.length : 0,
    spyUserIds: isOwner ? state.spies.map((spy) => spy.userId) : [],
    spySessionId: spySession?.id ?? null,
    canSpy: !party && spySession === null && state.spyable,
    spyRatePerMinute: state.spyRatePerMinute,
    goal: state.goal,
    tipMenu: state.tipMenu,
    group: state.group && {
      id: state.group.id, status: state.group.status, ratePerMinute: state.group.ratePerMinute, minViewers: state.group.minViewers,
      startBy: state.group.startBy, joined: state.group.seats.length, mySeat: mySeat && { id: mySeat.id, status: mySeat.status },
    },
    ticketShow: state.ticketShow && {
      id: state.ticketShow.id, title: state.ticketShow.title, price: state.ticketShow.price, startsAt: state.ticketShow.startsAt,
      status: state.ticketShow.status, seats: state.ticketShow.seats, sold: state.ticketShow.sold, holding: state.ticketShow.holders.includes(user.id),
    },
  };
}
