import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import type { TCreditPack } from "@/lib/validations/admin/credit-pack";

export type UpdatePackOptions = { actorId: number; packId: number; input: TCreditPack };

/**
 * Edits a pack. Safe for bought packs too: every purchase row keeps its own price, credits and item
 * name, so history never changes; only future purchases use the new values.
 */
export async function updatePack({ actorId, packId, input }: UpdatePackOptions): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    const { count } = await tx.creditPack.updateMany({
      where: { id: packId },
      data: { seconds: input.credits, price: input.price, currency: input.currency, description: input.description },
    });
    if (count === 0) throw new AppError("not_found", `Credit pack ${packId} does not exist.`);
  });
}
