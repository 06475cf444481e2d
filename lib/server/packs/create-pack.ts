import "server-only";
import { prisma } from "@/lib/db/prisma";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import type { TCreditPack } from "@/lib/validations/admin/credit-pack";

export type CreatePackOptions = { actorId: number; input: TCreditPack };

/** A new credit pack, on sale at once. */
export async function createPack({ actorId, input }: CreatePackOptions): Promise<{ id: number }> {
  return prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    return tx.creditPack.create({
      data: { seconds: input.credits, price: input.price, currency: input.currency, description: input.description, active: true },
      select: { id: true },
    });
  });
}
