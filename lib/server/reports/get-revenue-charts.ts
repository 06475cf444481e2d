import "server-only";
import { chartBucketOf, reportPeriodOf, type ChartBucket } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { EARNING_KIND_SQL, EARNING_KINDS, type EarningKind } from "@/lib/reports/earning-kind";

/**
 * One bar: revenue of the bucket starting on `start` (a UTC day, Monday for weeks, the 1st for
 * months): `tips` (plain and tip-menu) and `shows` (every per-second session) as before, and each kind.
 */
export type RevenueBucket = { start: string; tips: string; shows: string } & Record<EarningKind, string>;
export type TopPerformer = { performerId: number; name: string; revenue: string; benefit: string; rows: number };
export type RevenueCharts = { bucket: ChartBucket; buckets: RevenueBucket[]; top: TopPerformer[] };

/**
 * Chart data for a period (at most MAX_REPORT_DAYS, refused otherwise), computed entirely in the
 * database and handed to the client as decimal strings: revenue (ppv_tips.price) per UTC day, week
 * or month — chosen from the period's length so there are never more than a few dozen bars — split
 * by kind (tips, tip menu, private/spy/group shows, tickets), every bucket present (0 when quiet), and the ten performers with the
 * most revenue.
 */
export async function getRevenueCharts({ from, to }: { from: string; to: string }): Promise<RevenueCharts> {
  const { start, end } = reportPeriodOf(from, to);
  const bucket = chartBucketOf(from, to);
  const [buckets, top] = await Promise.all([
    prisma.$queryRaw<({ start: string } & Record<EarningKind, Prisma.Decimal>)[]>`
      WITH sums AS (
        SELECT date_trunc(${bucket}::text, t.date AT TIME ZONE 'UTC') AS b, ${Prisma.raw(EARNING_KIND_SQL)} AS kind, sum(t.price) AS price
          FROM ppv_tips t LEFT JOIN private_shows s ON s.id = t.show_id
         WHERE t.date >= ${start} AND t.date < ${end}
         GROUP BY 1, 2)
      SELECT to_char(series.b, 'YYYY-MM-DD') AS start,
             ${Prisma.raw(EARNING_KINDS.map((k) => `coalesce(sum(sums.price) FILTER (WHERE sums.kind = '${k}'), 0) AS ${k}`).join(", "))}
        FROM generate_series(date_trunc(${bucket}::text, ${start}::timestamptz AT TIME ZONE 'UTC'),
                             ${end}::timestamptz AT TIME ZONE 'UTC' - interval '1 millisecond',
                             ('1 ' || ${bucket}::text)::interval) AS series(b)
        LEFT JOIN sums ON sums.b = series.b
       GROUP BY series.b
       ORDER BY series.b`,
    prisma.$queryRaw<{ performer_id: number; name: string; revenue: Prisma.Decimal; benefit: Prisma.Decimal; rows: bigint }[]>`
      SELECT p.id AS performer_id, p.display_name AS name, sum(t.price) AS revenue, sum(t."performerBenefit") AS benefit, count(*) AS rows
        FROM ppv_tips t JOIN performers p ON p.id = t.performerid
       WHERE t.date >= ${start} AND t.date < ${end}
       GROUP BY p.id, p.display_name ORDER BY revenue DESC, p.id LIMIT 10`,
  ]);
  return {
    bucket,
    buckets: buckets.map((r) => {
      const money = (kinds: EarningKind[]) => kinds.reduce((sum, k) => sum.add(new Prisma.Decimal(r[k])), new Prisma.Decimal(0)).toFixed(3);
      return {
        start: r.start,
        tips: money(["tip", "menu_tip"]),
        shows: money(["private_show", "spy_show", "group_show"]),
        ...(Object.fromEntries(EARNING_KINDS.map((k) => [k, money([k])])) as Record<EarningKind, string>),
      };
    }),
    top: top.map((r) => ({
      performerId: r.performer_id, name: r.name, revenue: new Prisma.Decimal(r.revenue).toFixed(3), benefit: new Prisma.Decimal(r.benefit).toFixed(3), rows: Number(r.rows),
    })),
  };
}
