import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import type { PriceKind } from "@/lib/generated/prisma/enums";
import { effectiveBounds, type Bounds, type PriceBounds } from "@/lib/prices/price-bounds";

export type PriceBoundsView = {
  /** What applies: the performer's overrides over the site's bounds (the site's alone without a performer). */
  effective: PriceBounds;
  site: PriceBounds;
  /** The performer's own overrides, by kind. */
  overrides: Partial<Record<PriceKind, Bounds>>;
};

/** The bounds in force for a performer (or the site's when `performerId` is null). */
export async function getPriceBounds({ performerId, db = prisma }: { performerId: number | null; db?: Tx | typeof prisma }): Promise<PriceBoundsView> {
  const rows = await db.priceBound.findMany({
    where: { OR: [{ performerId: null }, ...(performerId === null ? [] : [{ performerId }])] },
    select: { performerId: true, kind: true, min: true, max: true },
  });
  const overrides: Partial<Record<PriceKind, Bounds>> = {};
  for (const row of rows) if (row.performerId !== null) overrides[row.kind] = { min: row.min, max: row.max };
  return { effective: effectiveBounds(rows, performerId), site: effectiveBounds(rows, null), overrides };
}
