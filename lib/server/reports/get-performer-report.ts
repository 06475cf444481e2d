import "server-only";
import { reportPeriodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { listReportRows, type ReportRow } from "./list-report-rows";

export type { ReportRow } from "./list-report-rows";

/** Rows shown per page on the report screen; the CSV streams all of them. */
export const REPORT_ROWS_PAGE_SIZE = 100;

export type GetPerformerReportOptions = { performerId: number; from: string; to: string; page?: number };

type Totals = { count: number; credits: number; price: string; benefit: string };

export type PerformerReport = {
  performer: { id: number; displayName: string; benefitPercent: string };
  from: string;
  to: string;
  tips: Totals;
  shows: Totals & { seconds: number; minutes: string };
  /** Σ performerBenefit of the period's rows not yet in a payout: what "mark paid" would pay. */
  owed: string;
  owedRows: number;
  /** The same over all time, so older unpaid rows are not forgotten. */
  owedAllTime: string;
  /** One page of the period's rows, oldest first; `rowCount` counts them all. */
  rows: ReportRow[];
  rowCount: number;
  page: number;
  pageSize: number;
  payouts: { id: number; paidAt: Date; amount: string; currency: string; reference: string | null; admin: string; rows: number; periodStart: Date; periodEnd: Date }[];
};

type TotalsRow = { action: string; count: bigint; credits: bigint; price: Prisma.Decimal; benefit: Prisma.Decimal; seconds: bigint; unpaid: bigint; unpaid_benefit: Prisma.Decimal };

const ZERO = new Prisma.Decimal(0);

/**
 * A performer's earnings for whole UTC days from..to (at most MAX_REPORT_DAYS): the totals of every
 * ppv_tips row (tips, and finished private shows with their billed seconds) and what is owed, summed
 * in the database in numeric (exact), and one page of the rows. The CSV streams the same rows in the
 * same order (stream-report-csv.ts).
 */
export async function getPerformerReport({ performerId, from, to, page = 1 }: GetPerformerReportOptions): Promise<PerformerReport> {
  const { start, end } = reportPeriodOf(from, to);
  const performer = await prisma.performer.findUnique({ where: { id: performerId }, select: { id: true, displayName: true, benefitPercent: true } });
  if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  const [totals, unpaidAllTime, rows, payouts] = await Promise.all([
    prisma.$queryRaw<TotalsRow[]>`
      SELECT t.action::text AS action, count(*) AS count, coalesce(sum(t.credits), 0) AS credits,
             coalesce(sum(t.price), 0) AS price, coalesce(sum(t."performerBenefit"), 0) AS benefit,
             coalesce(sum(s.seconds_billed), 0) AS seconds,
             count(*) FILTER (WHERE t.payout_id IS NULL) AS unpaid,
             coalesce(sum(t."performerBenefit") FILTER (WHERE t.payout_id IS NULL), 0) AS unpaid_benefit
        FROM ppv_tips t LEFT JOIN private_shows s ON s.id = t.show_id
       WHERE t.performerid = ${performerId} AND t.date >= ${start} AND t.date < ${end}
       GROUP BY t.action`,
    prisma.tip.aggregate({ where: { performerId, payoutId: null }, _sum: { performerBenefit: true } }),
    listReportRows({ performerId, start, end, offset: (Math.max(1, page) - 1) * REPORT_ROWS_PAGE_SIZE, limit: REPORT_ROWS_PAGE_SIZE }),
    prisma.payout.findMany({
      where: { performerId },
      orderBy: { paidAt: "desc" },
      take: 20,
      include: { admin: { select: { username: true } }, _count: { select: { tips: true } } },
    }),
  ]);
  const of = (action: "tips" | "liveshow") => totals.find((t) => t.action === action);
  const totalsOf = (row: TotalsRow | undefined): Totals => ({
    count: Number(row?.count ?? 0),
    credits: Number(row?.credits ?? 0),
    price: new Prisma.Decimal(row?.price ?? ZERO).toFixed(3),
    benefit: new Prisma.Decimal(row?.benefit ?? ZERO).toFixed(3),
  });
  const seconds = Number(of("liveshow")?.seconds ?? 0);
  const owed = totals.reduce((s, t) => s.add(new Prisma.Decimal(t.unpaid_benefit)), ZERO);
  return {
    performer: { id: performer.id, displayName: performer.displayName, benefitPercent: performer.benefitPercent.toFixed(2) },
    from,
    to,
    tips: totalsOf(of("tips")),
    shows: { ...totalsOf(of("liveshow")), seconds, minutes: (seconds / 60).toFixed(1) },
    owed: owed.toFixed(3),
    owedRows: totals.reduce((n, t) => n + Number(t.unpaid), 0),
    owedAllTime: (unpaidAllTime._sum.performerBenefit ?? ZERO).toFixed(3),
    rows,
    rowCount: totals.reduce((n, t) => n + Number(t.count), 0),
    page: Math.max(1, page),
    pageSize: REPORT_ROWS_PAGE_SIZE,
    payouts: payouts.map((p) => ({
      id: p.id, paidAt: p.paidAt, amount: p.amount.toFixed(3), currency: p.currency, reference: p.reference, admin: p.admin.username,
      rows: p._count.tips, periodStart: p.periodStart, periodEnd: p.periodEnd,
    })),
  };
}
