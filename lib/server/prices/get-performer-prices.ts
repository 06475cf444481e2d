import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PerformerPrices, PriceBounds } from "@/lib/prices/price-bounds";
import { getPriceBounds } from "./get-price-bounds";

/** A performer's own prices and the bounds they may set them in (the studio's form). */
export async function getPerformerPrices(performerId: number): Promise<{ prices: PerformerPrices; bounds: PriceBounds }> {
  const [prices, { effective }] = await Promise.all([
    prisma.performer.findUnique({
      where: { id: performerId },
      select: { ratePerMinute: true, spyRatePerMinute: true, groupRatePerMinute: true, ticketPrice: true, minimumSeconds: true },
    }),
    getPriceBounds({ performerId }),
  ]);
  if (!prices) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  return { prices, bounds: effective };
}
