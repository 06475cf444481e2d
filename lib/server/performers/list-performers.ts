import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { WallGoal } from "@/lib/realtime/room-events";

export type WallStatus = "online" | "busy" | "offline";

export type WallPerformer = {
  id: number;
  slug: string;
  username: string;
  displayName: string;
  image: string | null;
  status: WallStatus;
  ratePerMinute: number;
  /** The running goal's progress bar. */
  goal: WallGoal | null;
};

const ORDER: Record<WallStatus, number> = { online: 0, busy: 1, offline: 2 };

// Busy is never stored: it is "has an active private show", so it cannot go stale.
export async function listPerformers(filter?: { status?: WallStatus }): Promise<WallPerformer[]> {
  const rows = await prisma.performer.findMany({
    where: { disabled: false },
    select: {
      id: true, slug: true, displayName: true, photos: true, status: true, ratePerMinute: true,
      user: { select: { username: true } },
      shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 },
      goals: { where: { status: "active" }, select: { title: true, target: true, collected: true }, take: 1 },
    },
    orderBy: { displayName: "asc" },
  });
  return rows
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      username: row.user.username,
      displayName: row.displayName,
      image: row.photos[0] ?? null,
      status: (row.shows.length > 0 ? "busy" : row.status) as WallStatus,
      ratePerMinute: row.ratePerMinute,
      goal: row.goals[0] ? { ...row.goals[0], reached: false } : null,
    }))
    .filter((p) => !filter?.status || p.status === filter.status)
    .sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}
