import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The most used tags of visible performers, for the wall's filter chips. */
export async function listWallTags(limit = 20): Promise<{ tag: string; count: number }[]> {
  const rows = await prisma.$queryRaw<{ tag: string; n: bigint }[]>`
    SELECT tag, count(*) AS n FROM performers p, unnest(p.tags) AS tag
     WHERE NOT p.disabled GROUP BY tag ORDER BY n DESC, tag LIMIT ${limit}`;
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}
