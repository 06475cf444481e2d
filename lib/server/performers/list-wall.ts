import "server-only";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WallGoal } from "@/lib/realtime/room-events";
import type { TWallQuery } from "@/lib/validations/wall";
import type { WallStatus } from "./list-performers";

export const WALL_PAGE_SIZE = 36;
/** A camera snapshot older than this is not shown (the performer stopped sending them). */
export const PREVIEW_FRESH_SECONDS = 180;

export type WallCard = {
  id: number;
  slug: string;
  username: string;
  displayName: string;
  /** The live camera snapshot while it is fresh, else the first photo. */
  image: string | null;
  live: boolean;
  status: WallStatus;
  ratePerMinute: number;
  tags: string[];
  viewers: number;
  createdAt: string;
  /** The running goal's progress bar. */
  goal: WallGoal | null;
};

export type WallPage = { performers: WallCard[]; total: number; page: number; pages: number };

type Row = {
  id: number; slug: string; username: string; display_name: string; photo: string | null; preview: string | null;
  status: "online" | "offline"; busy: boolean; rate_per_minute: number; tags: string[]; viewer_count: number; created_at: Date; total: bigint;
  goal: WallGoal | null;
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the wall in one query: search by name, one tag, "following" for a signed-in viewer,
 * sorted online first (busy = in a private show, derived, never stored), newest, or most tipped in
 * the last 7 days; the total for the pager comes from the same scan (count(*) OVER ()).
 */
export async function listWall(query: TWallQuery & { viewerId?: number }): Promise<WallPage> {
  const where = [Prisma.sql`NOT p.disabled`];
  if (query.q) where.push(Prisma.sql`(p.display_name ILIKE ${likePattern(query.q)} OR u.username ILIKE ${likePattern(query.q)})`);
  if (query.tag) where.push(Prisma.sql`p.tags @> ARRAY[${query.tag}]::text[]`);
  if (query.following) {
    where.push(query.viewerId ? Prisma.sql`EXISTS (SELECT 1 FROM follows f WHERE f.performer_id = p.id AND f.user_id = ${query.viewerId})` : Prisma.sql`false`);
  }
  const rank = Prisma.sql`CASE WHEN busy THEN 1 WHEN status = 'online' THEN 0 ELSE 2 END`;
  const order =
    query.sort === "newest" ? Prisma.sql`created_at DESC, id DESC`
    : query.sort === "tipped" ? Prisma.sql`tipped DESC, ${rank}, display_name, id`
    : Prisma.sql`${rank}, display_name, id`;
  const tipped = query.sort === "tipped"
    ? Prisma.sql`(SELECT COALESCE(SUM(t.credits), 0) FROM ppv_tips t WHERE t.performerid = p.id AND t.action = 'tips' AND t.date > now() - interval '7 days')`
    : Prisma.sql`0`;
  const offset = (query.page - 1) * WALL_PAGE_SIZE;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT p.id, p.slug, u.username, p.display_name, p.photos[1] AS photo, p.status::text AS status, p.rate_per_minute,
             p.tags, p.viewer_count, p.created_at,
             CASE WHEN p.preview_at > now() - make_interval(secs => ${PREVIEW_FRESH_SECONDS}) THEN p.preview_path END AS preview,
             EXISTS (SELECT 1 FROM private_shows s WHERE s.performer_id = p.id AND s.status = 'active' AND s.kind = 'private') AS busy,
             (SELECT json_build_object('title', g.title, 'target', g.target, 'collected', g.collected, 'reached', false)
                FROM goals g WHERE g.performer_id = p.id AND g.status = 'active' LIMIT 1) AS goal,
             ${tipped} AS tipped,
             count(*) OVER () AS total
        FROM performers p JOIN users u ON u.id = p.user_id
       WHERE ${Prisma.join(where, " AND ")}
    ) wall
    ORDER BY ${order}
    LIMIT ${WALL_PAGE_SIZE} OFFSET ${offset}`;
  const total = rows.length > 0 ? Number(rows[0]!.total) : await countAll(where);
  return {
    performers: rows.map((r) => {
      const status: WallStatus = r.busy ? "busy" : r.status;
      return {
        id: r.id, slug: r.slug, username: r.username, displayName: r.display_name,
        image: (status !== "offline" ? r.preview : null) ?? r.photo, live: status !== "offline" && r.preview !== null,
        status, ratePerMinute: r.rate_per_minute, tags: r.tags, viewers: status === "offline" ? 0 : r.viewer_count, createdAt: r.created_at.toISOString(), goal: r.goal,
      };
    }),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / WALL_PAGE_SIZE)),
  };
}

// A page past the end has no rows to carry the total: count once, so the pager can lead back.
async function countAll(where: Prisma.Sql[]): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM performers p JOIN users u ON u.id = p.user_id WHERE ${Prisma.join(where, " AND ")}`;
  return Number(row?.n ?? 0);
}
