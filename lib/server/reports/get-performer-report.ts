import "server-only";
import { reportPeriodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { EARNING_KIND_SQL, EARNING_KINDS, type EarningKind } from "@/lib/reports/earning-kind";
import { listReportRows, type ReportRow } from "./list-report-rows";

export type { ReportRow } from "./list-report-rows";

/** Rows shown per page on the report screen; the CSV streams all of them. */
export const REPORT_ROWS_PAGE_SIZE = 100;

/** Refunded tickets listed on the report (a cancelled show refunds every ticket: the count says how many). */
export const REPORT_REFUNDS_SHOWN = 200;

export type GetPerformerReportOptions = { performerId: number; from: string; to: string; page?: number };

type Totals = { count: number; credits: number; price: string; benefit: string };

export type PerformerReport = {
  performer: { id: number; displayName: string; benefitPercent: string };
  from: string;
  to: string;
  /** Every tip (plain and tip-menu). */
  tips: Totals;
  /** Every per-second session (private, spy and group shows). */
  shows: Totals & { seconds: number; minutes: string };
  tickets: Totals;
  /** The same rows by kind: every kind present, with zeros. */
  byKind: Record<EarningKind, Totals>;
  /** Σ credits of the period's rows: what the viewers spent on this performer. */
  credits: number;
  /** Tickets refunded in the period (cancelled or missed ticket shows), with the reason; `refundCount` counts them all. */
  refunds: { ticketId: number; show: string; viewer: string; credits: number; refundedAt: Date; reason: string }[];
  refundCount: number;
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

type TotalsRow = { kind: EarningKind; count: bigint; credits: bigint; price: Prisma.Decimal; benefit: Prisma.Decimal; seconds: bigint; unpaid: bigint; unpaid_benefit: Prisma.Decimal };

const ZERO = new Prisma.Decimal(0);
const SESSION_KINDS: EarningKind[] = ["private_show", "spy_show", "group_show"];
const TIP_KINDS: EarningKind[] = ["tip", "menu_tip"];

/**
 * A performer's earnings for whole UTC days from..to (at most MAX_REPORT_DAYS): the totals of every
 * ppv_tips row by kind (tips, tip-menu tips, private/spy/group sessions with their billed seconds,
 * tickets) and what is owed, summed in the database in numeric (exact), and one page of the rows.
 * The CSV streams the same rows in the same order (report-csv.ts).
 */
export async function getPerformerReport({ performerId, from, to, page = 1 }: GetPerformerReportOptions): Promise<PerformerReport> {
  const { start, end } = reportPeriodOf(from, to);
  const performer = await prisma.performer.findUnique({ where: { id: performerId }, select: { id: true, displayName: true, benefitPercent: true } });
  if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  const refundWhere = { ticketShow: { performerId }, refundedAt: { gte: start, lt: end } };
  const [totals, unpaidAllTime, rows, payouts, refunds, refundCount] = await Promise.all([
    prisma.$queryRaw<TotalsRow[]>`
      SELECT ${Prisma.raw(EARNING_KIND_SQL)} AS kind, count(*) AS count, coalesce(sum(t.credits), 0) AS credits,
             coalesce(sum(t.price), 0) AS price, coalesce(sum(t."performerBenefit"), 0) AS benefit,
             coalesce(sum(s.seconds_billed) FILTER (WHERE t.action = 'liveshow'), 0) AS seconds,
             count(*) FILTER (WHERE t.payout_id IS NULL) AS unpaid,
             coalesce(sum(t."performerBenefit") FILTER (WHERE t.payout_id IS NULL), 0) AS unpaid_benefit
        FROM ppv_tips t LEFT JOIN private_shows s ON s.id = t.show_id
       WHERE t.performerid = ${performerId} AND t.date >= ${start} AND t.date < ${end}
       GROUP BY 1`,
    prisma.tip.aggregate({ where: { performerId, payoutId: null }, _sum: { performerBenefit: true } }),
    listReportRows({ performerId, start, end, offset: (Math.max(1, page) - 1) * REPORT_ROWS_PAGE_SIZE, limit: REPORT_ROWS_PAGE_SIZE }),
    prisma.payout.findMany({
      where: { performerId },
      orderBy: { paidAt: "desc" },
      take: 20,
      include: { admin: { select: { username: true } }, _count: { select: { tips: true } } },
    }),
    prisma.ticket.findMany({
      where: refundWhere,
      orderBy: { id: "asc" },
      take: REPORT_REFUNDS_SHOWN,
      include: { ticketShow: { select: { title: true } }, user: { select: { username: true } } },
    }),
    prisma.ticket.count({ where: refundWhere }),
  ]);
  const totalsOf = (kinds: EarningKind[]): Totals => {
    const picked = totals.filter((t) => kinds.includes(t.kind));
    return {
      count: picked.reduce((n, t) => n + Number(t.count), 0),
      credits: picked.reduce((n, t) => n + Number(t.credits), 0),
      price: picked.reduce((s, t) => s.add(new Prisma.Decimal(t.price)), ZERO).toFixed(3),
      benefit: picked.reduce((s, t) => s.add(new Prisma.Decimal(t.benefit)), ZERO).toFixed(3),
    };
  };
  const seconds = totals.reduce((n, t) => n + Number(t.seconds), 0);
  const owed = totals.reduce((s, t) => s.add(new Prisma.Decimal(t.unpaid_benefit)), ZERO);
  return {
    performer: { id: performer.id, displayName: performer.displayName, benefitPercent: performer.benefitPercent.toFixed(2) },
    from,
    to,
    tips: totalsOf(TIP_KINDS),
    shows: { ...totalsOf(SESSION_KINDS), seconds, minutes: (seconds / 60).toFixed(1) },
    tickets: totalsOf(["ticket"]),
    byKind: Object.fromEntries(EARNING_KINDS.map((kind) => [kind, totalsOf([kind])])) as Record<EarningKind, Totals>,
    credits: totals.reduce((n, t) => n + Number(t.credits), 0),
    refunds: refunds.map((r) => ({
      ticketId: r.id, show: r.ticketShow.title, viewer: r.user.username, credits: r.price, refundedAt: r.refundedAt!, reason: r.refundReason ?? "",
    })),
    refundCount,
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
