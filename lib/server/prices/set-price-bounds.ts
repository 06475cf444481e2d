import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PriceKind } from "@/lib/generated/prisma/enums";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { clampToBounds, effectiveBounds, PRICE_FIELDS, PRICE_KINDS, type Bounds } from "@/lib/prices/price-bounds";

export type SetPriceBoundsOptions =
  | { actorId: number; performerId: null; bounds: Record<PriceKind, Bounds> }
  | { actorId: number; performerId: number; /** null = no override: the site's bounds apply. */ bounds: Record<PriceKind, Bounds | null> };

/**
 * The admin sets the site-wide bounds (performerId null) or one performer's overrides. Prices already
 * set outside the new bounds are moved to the nearest bound in the same transaction, so a price in
 * force is always one the bounds allow; shows already requested keep their snapshot.
 */
export async function setPriceBounds({ actorId, performerId, bounds }: SetPriceBoundsOptions): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    if (performerId !== null) {
      const exists = await tx.performer.findUnique({ where: { id: performerId }, select: { id: true } });
      if (!exists) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    }
    for (const kind of PRICE_KINDS) {
      const value = bounds[kind];
      if (value === null) {
        await tx.priceBound.deleteMany({ where: { performerId, kind } });
      } else if (performerId === null) {
        // The partial unique index on site rows makes a concurrent second insert fail rather than duplicate.
        const updated = await tx.priceBound.updateMany({ where: { performerId: null, kind }, data: value });
        if (updated.count === 0) await tx.priceBound.create({ data: { kind, ...value } });
      } else {
        await tx.priceBound.upsert({ where: { performerId_kind: { performerId, kind } }, create: { performerId, kind, ...value }, update: value });
      }
    }
    await clampPrices(tx, performerId);
  });
}

async function clampPrices(tx: Tx, performerId: number | null): Promise<void> {
  // Lock first, read after: a studio save that checked the old bounds commits before this read.
  if (performerId === null) await tx.$executeRaw`SELECT id FROM performers ORDER BY id FOR NO KEY UPDATE`;
  else await tx.$executeRaw`SELECT id FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
  const [rows, performers] = await Promise.all([
    tx.priceBound.findMany({ select: { performerId: true, kind: true, min: true, max: true } }),
    tx.performer.findMany({
      where: performerId === null ? {} : { id: performerId },
      select: { id: true, ratePerMinute: true, spyRatePerMinute: true, groupRatePerMinute: true, ticketPrice: true, minimumSeconds: true },
    }),
  ]);
  for (const performer of performers) {
    const bounds = effectiveBounds(rows, performer.id);
    const data: Record<string, number> = {};
    for (const kind of PRICE_KINDS) {
      const { field } = PRICE_FIELDS[kind];
      const clamped = clampToBounds(performer[field], bounds[kind]);
      if (clamped !== performer[field]) data[field] = clamped;
    }
    if (Object.keys(data).length > 0) await tx.performer.update({ where: { id: performer.id }, data });
  }
}
