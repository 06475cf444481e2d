import "server-only";
import type { Period } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { Prisma, type TipAction } from "@/lib/generated/prisma/client";
import { EARNING_KIND_SQL, type EarningKind } from "@/lib/reports/earning-kind";

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

export type ListReportRowsOptions = Period & {
  performerId: number;
  limit: number;
  /** A page on screen: skip this many rows. */
  offset?: number;
  /** A batch of the CSV: the rows after this one (keyset: batch n costs what batch 1 costs). */
  after?: { date: Date; id: string };
};

type Row = {
  id: bigint; date: Date; action: TipAction; kind: EarningKind; item: string | null; viewer: string; credits: number; seconds: number | null;
  price: Prisma.Decimal; benefit: Prisma.Decimal; payout_id: number | null;
};

/** A performer's ppv_tips rows of a period, oldest first (date, then id): the order of the screen and the CSV. */
export async function listReportRows({ performerId, start, end, limit, offset = 0, after }: ListReportRowsOptions): Promise<ReportRow[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT t.id, t.date, t.action::text AS action, ${Prisma.raw(EARNING_KIND_SQL)} AS kind, t.item, u.username AS viewer, t.credits, s.seconds_billed AS seconds,
           t.price, t."performerBenefit" AS benefit, t.payout_id
      FROM ppv_tips t
      JOIN users u ON u.id = t.userid
      LEFT JOIN private_shows s ON s.id = t.show_id
     WHERE t.performerid = ${performerId} AND t.date >= ${start} AND t.date < ${end}
       ${after ? Prisma.sql`AND (t.date, t.id) > (${after.date}::timestamptz, ${BigInt(after.id)})` : Prisma.empty}
     ORDER BY t.date, t.id
     LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((t) => ({
    id: t.id.toString(), date: t.date, action: t.action, kind: t.kind, item: t.item, viewer: t.viewer, credits: t.credits,
    seconds: t.action === "liveshow" ? (t.seconds ?? 0) : null,
    price: new Prisma.Decimal(t.price).toFixed(3), benefit: new Prisma.Decimal(t.benefit).toFixed(3), payoutId: t.payout_id,
  }));
}
