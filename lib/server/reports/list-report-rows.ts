import "server-only";
import type { Period } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";

export type ReportRow = {
  id: string;
  date: Date;
  action: "tips" | "liveshow";
  viewer: string;
  credits: number;
  /** Seconds billed, for a private show. */
  seconds: number | null;
  price: string;
  benefit: string;
  payoutId: number | null;
};

export type ListReportRowsOptions = Period & {
  performerId: number;
  limit: number;
  /** A page on screen: skip this many rows. */
  offset?: number;
  /** A batch of the CSV: the rows after this one (keyset, so batch n costs what batch 1 costs). */
  after?: { date: Date; id: string };
};

/** A performer's ppv_tips rows of a period, oldest first (date, then id): the order of the screen and the CSV. */
export async function listReportRows({ performerId, start, end, limit, offset = 0, after }: ListReportRowsOptions): Promise<ReportRow[]> {
  const rows = await prisma.tip.findMany({
    where: {
      performerId,
      date: { gte: start, lt: end },
      ...(after ? { OR: [{ date: { gt: after.date } }, { date: after.date, id: { gt: BigInt(after.id) } }] } : {}),
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    skip: offset,
    take: limit,
    include: { user: { select: { username: true } }, show: { select: { secondsBilled: true } } },
  });
  return rows.map((t) => ({
    id: t.id.toString(), date: t.date, action: t.action, viewer: t.user.username, credits: t.credits,
    seconds: t.action === "liveshow" ? (t.show?.secondsBilled ?? 0) : null,
    price: t.price.toFixed(3), benefit: t.performerBenefit.toFixed(3), payoutId: t.payoutId,
  }));
}
