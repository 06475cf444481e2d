import "server-only";
import { periodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma, type TipAction } from "@/lib/generated/prisma/client";

export type GetPerformerReportOptions = { performerId: number; from: string; to: string };

export type ReportRow = {
  id: string;
  date: Date;
  action: TipAction;
  viewer: string;
  credits: number;
  /** Seconds billed, for a private show. */
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
  tips: Totals;
  shows: Totals & { seconds: number; minutes: string };
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
  const [tips, unpaidAllTime, payouts] = await Promise.all([
    prisma.tip.findMany({
      where: { performerId, date: { gte: start, lt: end } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      include: { user: { select: { username: true } }, show: { select: { secondsBilled: true } } },
    }),
    prisma.tip.aggregate({ where: { performerId, payoutId: null }, _sum: { performerBenefit: true } }),
    prisma.payout.findMany({
      where: { performerId },
      orderBy: { paidAt: "desc" },
      take: 20,
      include: { admin: { select: { username: true } }, _count: { select: { tips: true } } },
    }),
  ]);
  const sum = (rows: typeof tips, pick: (r: (typeof tips)[number]) => Prisma.Decimal) => rows.reduce((s, r) => s.add(pick(r)), ZERO);
  const totals = (rows: typeof tips): Totals => ({
    count: rows.length,
    credits: rows.reduce((s, r) => s + r.credits, 0),
    price: sum(rows, (r) => r.price).toFixed(3),
    benefit: sum(rows, (r) => r.performerBenefit).toFixed(3),
  });
  const tipRows = tips.filter((t) => t.action === "tips");
  const showRows = tips.filter((t) => t.action === "liveshow");
  const seconds = showRows.reduce((s, r) => s + (r.show?.secondsBilled ?? 0), 0);
  const unpaid = tips.filter((t) => t.payoutId === null);
  return {
    performer: { id: performer.id, displayName: performer.displayName, benefitPercent: performer.benefitPercent.toFixed(2) },
    from,
    to,
    tips: totals(tipRows),
    shows: { ...totals(showRows), seconds, minutes: (seconds / 60).toFixed(1) },
    owed: sum(unpaid, (r) => r.performerBenefit).toFixed(3),
    owedRows: unpaid.length,
    owedAllTime: (unpaidAllTime._sum.performerBenefit ?? ZERO).toFixed(3),
    rows: tips.map((t) => ({
      id: t.id.toString(), date: t.date, action: t.action, viewer: t.user.username, credits: t.credits,
      seconds: t.action === "liveshow" ? (t.show?.secondsBilled ?? 0) : null,
      price: t.price.toFixed(3), benefit: t.performerBenefit.toFixed(3), payoutId: t.payoutId,
    })),
    payouts: payouts.map((p) => ({
      id: p.id, paidAt: p.paidAt, amount: p.amount.toFixed(3), currency: p.currency, reference: p.reference, admin: p.admin.username,
      rows: p._count.tips, periodStart: p.periodStart, periodEnd: p.periodEnd,
    })),
  };
}
