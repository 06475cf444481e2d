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

// One statement: the wall is read on every page view and every wall stream's (re)connect, and with
// 1,000 performers Prisma's nested reads (performers, their users, an active show each) took 60 ms
// where PostgreSQL needs 2 (docs/benchmarks.md, "Audience"). Busy is never stored: it is "has an active private show", so it cannot
// go stale. Online first, then busy, then offline; by display name within each.
export async function listPerformers(filter?: { status?: WallStatus }): Promise<WallPerformer[]> {
  const status = filter?.status ?? null;
  return prisma.$queryRaw<WallPerformer[]>`
    SELECT id, slug, username, "displayName", image, status, "ratePerMinute", goal
      FROM (SELECT p.id, p.slug, u.username, p.display_name AS "displayName", p.photos[1] AS image,
                   CASE WHEN EXISTS (SELECT 1 FROM private_shows s WHERE s.performer_id = p.id AND s.status = 'active' AND s.kind = 'private')
                        THEN 'busy' ELSE p.status::text END AS status,
                   p.rate_per_minute AS "ratePerMinute",
                   (SELECT json_build_object('title', g.title, 'target', g.target, 'collected', g.collected, 'reached', false)
                      FROM goals g WHERE g.performer_id = p.id AND g.status = 'active' LIMIT 1) AS goal
              FROM performers p
              JOIN users u ON u.id = p.user_id
             WHERE NOT p.disabled) AS wall
     WHERE ${status}::text IS NULL OR status = ${status}::text
     ORDER BY CASE status WHEN 'online' THEN 0 WHEN 'busy' THEN 1 ELSE 2 END, "displayName"`;
}
