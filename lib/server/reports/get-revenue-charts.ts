import "server-only";
import { dayOf, periodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { EARNING_KIND_SQL, EARNING_KINDS, type EarningKind } from "@/lib/reports/earning-kind";

/** Revenue of one UTC day: `tips` and `shows` as before (all tips, all per-second sessions), and each kind. */
export type RevenueDay = { day: string; tips: string; shows: string } & Record<EarningKind, string>;
export type TopPerformer = { performerId: number; name: string; revenue: string; benefit: string; rows: number };
export type RevenueCharts = { perDay: RevenueDay[]; top: TopPerformer[] };

/**
 * Chart data for a period, computed in the database in decimals and handed to the client as
 * strings: revenue (ppv_tips.price) per UTC day split into tips and private shows, every day of the
 * period present (0 when quiet), and the ten performers with the most revenue.
 */
export async function getRevenueCharts({ from, to }: { from: string; to: string }): Promise<RevenueCharts> {
  const { start, end } = periodOf(from, to);
  const [days, top] = await Promise.all([
    prisma.$queryRaw<{ day: string; kind: EarningKind; price: Prisma.Decimal }[]>`
      SELECT to_char(t.date AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, ${Prisma.raw(EARNING_KIND_SQL)} AS kind, sum(t.price) AS price
        FROM ppv_tips t LEFT JOIN private_shows s ON s.id = t.show_id
       WHERE t.date >= ${start} AND t.date < ${end} GROUP BY 1, 2`,
    prisma.$queryRaw<{ performer_id: number; name: string; revenue: Prisma.Decimal; benefit: Prisma.Decimal; rows: bigint }[]>`
      SELECT p.id AS performer_id, p.display_name AS name, sum(t.price) AS revenue, sum(t."performerBenefit") AS benefit, count(*) AS rows
        FROM ppv_tips t JOIN performers p ON p.id = t.performerid
       WHERE t.date >= ${start} AND t.date < ${end}
       GROUP BY p.id, p.display_name ORDER BY revenue DESC, p.id LIMIT 10`,
  ]);
  const byDay = new Map<string, RevenueDay>();
  for (let t = start.getTime(); t < end.getTime(); t += 86_400_000) {
    const day = dayOf(new Date(t));
    byDay.set(day, { day, tips: "0.000", shows: "0.000", ...(Object.fromEntries(EARNING_KINDS.map((kind) => [kind, "0.000"])) as Record<EarningKind, string>) });
  }
  for (const row of days) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    const price = new Prisma.Decimal(row.price);
    entry[row.kind] = price.toFixed(3);
    if (row.kind === "tip" || row.kind === "menu_tip") entry.tips = price.add(entry.tips).toFixed(3);
    if (row.kind === "private_show" || row.kind === "spy_show" || row.kind === "group_show") entry.shows = price.add(entry.shows).toFixed(3);
  }
  return {
    perDay: [...byDay.values()],
    top: top.map((r) => ({
      performerId: r.performer_id, name: r.name, revenue: new Prisma.Decimal(r.revenue).toFixed(3), benefit: new Prisma.Decimal(r.benefit).toFixed(3), rows: Number(r.rows),
    })),
  };
}
