import "server-only";
import { reportPeriodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { getSiteCurrency } from "@/lib/server/settings/get-site-currency";
import type { TMarkPaid } from "@/lib/validations/admin/report";

export type MarkPaidOptions = TMarkPaid & { actorId: number };

export type MarkPaidResult = { payoutId: number; amount: string; rows: number };

/**
 * Pays a performer for the unpaid ppv_tips rows of a period, in one transaction:
 * 1. lock the performer row (FOR NO KEY UPDATE), so two "mark paid" for one performer — a double
 *    press or two admins — run one after the other;
 * 2. create the payout, then link exactly the rows still unpaid with one conditional UPDATE
 *    (… WHERE payout_id IS NULL), and set the amount to the Σ performerBenefit of the rows that
 *    UPDATE returned — so the amount is by construction the sum of the linked rows;
 * 3. if no row was linked (the other press won), or the sum is not what the admin saw (rows arrived
 *    meanwhile), throw: the rollback removes the payout, so there is never an empty or double payout
 *    and no row is ever paid twice.
 */
export async function markPaid({ actorId, performerId, from, to, reference, expectedAmount }: MarkPaidOptions): Promise<MarkPaidResult> {
  const { start, end } = reportPeriodOf(from, to);
  return prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    const currency = await getSiteCurrency(tx);
    const payout = await tx.payout.create({
      data: { performerId, periodStart: start, periodEnd: end, amount: 0, currency, reference, adminId: actorId },
      select: { id: true },
    });
    const linked = await tx.$queryRaw<{ benefit: Prisma.Decimal }[]>`
      UPDATE ppv_tips SET payout_id = ${payout.id}
       WHERE performerid = ${performerId} AND payout_id IS NULL AND date >= ${start} AND date < ${end}
      RETURNING "performerBenefit" AS benefit`;
    if (linked.length === 0) throw new AppError("conflict", "Nothing is owed for this period: it was already paid.");
    const amount = linked.reduce((s, r) => s.add(r.benefit), new Prisma.Decimal(0));
    if (!amount.equals(new Prisma.Decimal(expectedAmount))) {
      throw new AppError("conflict", `The amount owed is now ${amount.toFixed(3)} ${currency}, not ${expectedAmount}: review the report and try again.`);
    }
    await tx.payout.update({ where: { id: payout.id }, data: { amount } });
    return { payoutId: payout.id, amount: amount.toFixed(3), rows: linked.length };
  });
}
