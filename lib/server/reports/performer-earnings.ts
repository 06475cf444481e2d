import "server-only";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

export type Earnings = { tips: number; shows: number; credits: number; benefit: string; unpaidBenefit: string };

/** Totals of a performer's ppv_tips rows (tips and finished shows) since a date. */
export async function getPerformerEarnings(performerId: number, since: Date): Promise<Earnings> {
  const [byAction, unpaid] = await Promise.all([
    prisma.tip.groupBy({
      by: ["action"],
      where: { performerId, date: { gte: since } },
      _count: { _all: true },
      _sum: { credits: true, performerBenefit: true },
    }),
    prisma.tip.aggregate({ where: { performerId, payoutId: null }, _sum: { performerBenefit: true } }),
  ]);
  const of = (action: "tips" | "liveshow") => byAction.find((row) => row.action === action);
  const benefit = byAction.reduce((sum, row) => sum.add(row._sum.performerBenefit ?? 0), new Prisma.Decimal(0));
  return {
    tips: of("tips")?._count._all ?? 0,
    shows: of("liveshow")?._count._all ?? 0,
    credits: byAction.reduce((sum, row) => sum + (row._sum.credits ?? 0), 0),
    benefit: benefit.toFixed(3),
    unpaidBenefit: (unpaid._sum.performerBenefit ?? new Prisma.Decimal(0)).toFixed(3),
  };
}
