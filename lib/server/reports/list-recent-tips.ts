import "server-only";
import { prisma } from "@/lib/db/prisma";

export type RecentTip = { id: string; date: Date; username: string; credits: number; performerBenefit: string; item: string | null };

/** A performer's latest tips (not shows), newest first, for the studio. */
export async function listRecentTips(performerId: number, limit = 10): Promise<RecentTip[]> {
  const rows = await prisma.tip.findMany({
    where: { performerId, action: "tips" },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, date: true, credits: true, performerBenefit: true, item: true, user: { select: { username: true } } },
  });
  return rows.map((row) => ({
    id: row.id.toString(), date: row.date, username: row.user.username, credits: row.credits, performerBenefit: row.performerBenefit.toFixed(3), item: row.item,
  }));
}
