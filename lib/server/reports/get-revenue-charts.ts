import "server-only";
import { chartBucketOf, reportPeriodOf, type ChartBucket } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

/** One bar: revenue of the bucket starting on `start` (a UTC day, Monday for weeks, the 1st for months). */
export type RevenueBucket = { start: string; tips: string; shows: string };
export type TopPerformer = { performerId: number; name: string; revenue: string; benefit: string; rows: number };
export type RevenueCharts = { bucket: ChartBucket; buckets: RevenueBucket[]; top: TopPerformer[] };

/**
 * Chart data for a period (at most MAX_REPORT_DAYS, refused otherwise), computed entirely in the
 * database and handed to the client as decimal strings: revenue (ppv_tips.price) per UTC day, week
 * or month — chosen from the period's length so there are never more than a few dozen bars — split
 * into tips and private shows, every bucket present (0 when quiet), and the ten performers with the
 * most revenue.
 */
export async function getRevenueCharts({ from, to }: { from: string; to: string }): Promise<RevenueCharts> {
  const { start, end } = reportPeriodOf(from, to);
  const bucket = chartBucketOf(from, to);
  const [buckets, top] = await Promise.all([
    prisma.$queryRaw<{ start: string; tips: Prisma.Decimal; shows: Prisma.Decimal }[]>`
      WITH sums AS (
        SELECT date_trunc(${bucket}::text, date AT TIME ZONE 'UTC') AS b,
               sum(price) FILTER (WHERE action = 'tips') AS tips,
               sum(price) FILTER (WHERE action = 'liveshow') AS shows
          FROM ppv_tips WHERE date >= ${start} AND date < ${end}
         GROUP BY 1)
      SELECT to_char(series.b, 'YYYY-MM-DD') AS start, coalesce(sums.tips, 0) AS tips, coalesce(sums.shows, 0) AS shows
        FROM generate_series(date_trunc(${bucket}::text, ${start}::timestamptz AT TIME ZONE 'UTC'),
                             ${end}::timestamptz AT TIME ZONE 'UTC' - interval '1 millisecond',
                             ('1 ' || ${bucket}::text)::interval) AS series(b)
        LEFT JOIN sums ON sums.b = series.b
       ORDER BY series.b`,
    prisma.$queryRaw<{ performer_id: number; name: string; revenue: Prisma.Decimal; benefit: Prisma.Decimal; rows: bigint }[]>`
      SELECT p.id AS performer_id, p.display_name AS name, sum(t.price) AS revenue, sum(t."performerBenefit") AS benefit, count(*) AS rows
        FROM ppv_tips t JOIN performers p ON p.id = t.performerid
       WHERE t.date >= ${start} AND t.date < ${end}
       GROUP BY p.id, p.display_name ORDER BY revenue DESC, p.id LIMIT 10`,
  ]);
  return {
    bucket,
    buckets: buckets.map((r) => ({ start: r.start, tips: new Prisma.Decimal(r.tips).toFixed(3), shows: new Prisma.Decimal(r.shows).toFixed(3) })),
    top: top.map((r) => ({
      performerId: r.performer_id, name: r.name, revenue: new Prisma.Decimal(r.revenue).toFixed(3), benefit: new Prisma.Decimal(r.benefit).toFixed(3), rows: Number(r.rows),
    })),
  };
}
