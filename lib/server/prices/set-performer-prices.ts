import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { priceProblems, type PerformerPrices } from "@/lib/prices/price-bounds";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { getPriceBounds } from "./get-price-bounds";

/**
 * The studio: a performer sets their own prices, each within the bounds the admin set for them.
 * A show already requested keeps the rate and minimum it snapshotted.
 */
export async function setPerformerPrices({ performerId, prices }: { performerId: number; prices: PerformerPrices }): Promise<PerformerPrices> {
  return prisma.$transaction(async (tx) => {
    // Locked so that an admin narrowing the bounds at the same moment cannot slip between the check and the write.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    const { effective } = await getPriceBounds({ performerId, db: tx });
    const problems = priceProblems(prices, effective);
    if (Object.keys(problems).length > 0) {
      throw new AppError("invalid_request", "Some prices are outside the limits the site allows.", problems);
    }
    const updated = await tx.performer.update({
      where: { id: performerId },
      data: prices,
      select: { ratePerMinute: true, spyRatePerMinute: true, groupRatePerMinute: true, ticketPrice: true, minimumSeconds: true },
    });
    await notifyRoomChanged(tx, performerId);
    return updated;
  });
}
