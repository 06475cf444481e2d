import "server-only";
import { periodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma, type TipAction } from "@/lib/generated/prisma/client";
import { EARNING_KINDS, earningKind, type EarningKind } from "@/lib/reports/earning-kind";

export type GetPerformerReportOptions = { performerId: number; from: string; to: string };

export type ReportRow = {
  id: string;
  date: Date;
  action: TipAction;
  /** What it was: tip, tip-menu tip, private/spy/group show session, ticket. */
  kind: EarningKind;
  /** The tip-menu item or the ticket show's title. */
  item: string | null;
  viewer: string;
  credits: number;
  /** Seconds billed, for a per-second session (private, spy or group show). */
  seconds: number | null;
  price: string;
  benefit: string;
  payoutId: number | null;
};

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
  /** Tickets refunded in the period (cancelled or missed ticket shows), with the reason. */
  refunds: { ticketId: number; show: string; viewer: string; credits: number; refundedAt: Date; reason: string }[];
  /** Σ performerBenefit of the period's rows not yet in a payout: what "mark paid" would pay. */
  owed: string;
  owedRows: number;
  /** The same over all time, so older unpaid rows are not forgotten. */
  owedAllTime: string;
  rows: ReportRow[];
  payouts: { id: number; paidAt: Date; amount: string; currency: string; reference: string | null; admin: string; rows: number; periodStart: Date; periodEnd: Date }[];
};

const ZERO = new Prisma.Decimal(0);

/**
 * A performer's earnings for whole UTC days from..to: every ppv_tips row (tips, and finished private
 * shows with their billed seconds), the totals, and what is owed. The screen and the CSV both render
 * exactly these rows; the totals are summed from them in Decimal, so they always agree.
 */
export async function getPerformerReport({ performerId, from, to }: GetPerformerReportOptions): Promise<PerformerReport> {
  const { start, end } = periodOf(from, to);
  const performer = await prisma.performer.findUnique({ where: { id: performerId }, select: { id: true, displayName: true, benefitPercent: true } });
  if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  const [tips, unpaidAllTime, payouts, refunds] = await Promise.all([
    prisma.tip.findMany({
      where: { performerId, date: { gte: start, lt: end } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      include: { user: { select: { username: true } }, show: { select: { secondsBilled: true, kind: true } } },
    }),
    prisma.tip.aggregate({ where: { performerId, payoutId: null }, _sum: { performerBenefit: true } }),
    prisma.payout.findMany({
      where: { performerId },
      orderBy: { paidAt: "desc" },
      take: 20,
      include: { admin: { select: { username: true } }, _count: { select: { tips: true } } },
    }),
    prisma.ticket.findMany({
      where: { ticketShow: { performerId }, refundedAt: { gte: start, lt: end } },
      orderBy: { id: "asc" },
      include: { ticketShow: { select: { title: true } }, user: { select: { username: true } } },
    }),
  ]);
  const sum = (rows: typeof tips, pick: (r: (typeof tips)[number]) => Prisma.Decimal) => rows.reduce((s, r) => s.add(pick(r)), ZERO);
  const totals = (rows: typeof tips): Totals => ({
    count: rows.length,
    credits: rows.reduce((s, r) => s + r.credits, 0),
    price: sum(rows, (r) => r.price).toFixed(3),
    benefit: sum(rows, (r) => r.performerBenefit).toFixed(3),
  });
  const kinds = tips.map((t) => earningKind({ action: t.action, menuItemId: t.menuItemId, showKind: t.show?.kind ?? null }));
  const tipRows = tips.filter((t) => t.action === "tips");
  const showRows = tips.filter((t) => t.action === "liveshow");
  const byKind = Object.fromEntries(EARNING_KINDS.map((kind) => [kind, totals(tips.filter((_, i) => kinds[i] === kind))])) as Record<EarningKind, Totals>;
  const seconds = showRows.reduce((s, r) => s + (r.show?.secondsBilled ?? 0), 0);
  const unpaid = tips.filter((t) => t.payoutId === null);
  return {
    performer: { id: performer.id, displayName: performer.displayName, benefitPercent: performer.benefitPercent.toFixed(2) },
    from,
    to,
    tips: totals(tipRows),
    shows: { ...totals(showRows), seconds, minutes: (seconds / 60).toFixed(1) },
    tickets: totals(tips.filter((t) => t.action === "ticket")),
    byKind,
    credits: tips.reduce((s, r) => s + r.credits, 0),
    refunds: refunds.map((r) => ({
      ticketId: r.id, show: r.ticketShow.title, viewer: r.user.username, credits: r.price, refundedAt: r.refundedAt!, reason: r.refundReason ?? "",
    })),
    owed: sum(unpaid, (r) => r.performerBenefit).toFixed(3),
    owedRows: unpaid.length,
    owedAllTime: (unpaidAllTime._sum.performerBenefit ?? ZERO).toFixed(3),
    rows: tips.map((t, i) => ({
      id: t.id.toString(), date: t.date, action: t.action, kind: kinds[i]!, item: t.item, viewer: t.user.username, credits: t.credits,
      seconds: t.action === "liveshow" ? (t.show?.secondsBilled ?? 0) : null,
      price: t.price.toFixed(3), benefit: t.performerBenefit.toFixed(3), payoutId: t.payoutId,
    })),
    payouts: payouts.map((p) => ({
      id: p.id, paidAt: p.paidAt, amount: p.amount.toFixed(3), currency: p.currency, reference: p.reference, admin: p.admin.username,
      rows: p._count.tips, periodStart: p.periodStart, periodEnd: p.periodEnd,
    })),
  };
}
