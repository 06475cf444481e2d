import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";

export type DeletePackOptions = { actorId: number; packId: number };

const KEEP = "This pack was bought or ordered, so it stays for the records: deactivate it instead.";

/**
 * Deletes a pack nobody ever bought or ordered. A bought pack (ppv_paypal rows) or one with a PayPal
 * order is history and can only be deactivated. The pack row is locked first: a purchase being
 * recorded at this moment holds a key-share lock on it, so the two cannot interleave, and the foreign
 * keys catch anything else.
 */
export async function deletePack({ actorId, packId }: DeletePackOptions): Promise<void> {
  try {
    await prisma.$transaction(async (tx) => {
      await assertAdmin({ db: tx, actorId });
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM ppv_item WHERE id = ${packId} FOR UPDATE`;
      if (locked.length === 0) throw new AppError("not_found", `Credit pack ${packId} does not exist.`);
      const [purchases, orders] = await Promise.all([
        tx.purchase.count({ where: { itemId: packId } }),
        tx.paypalOrder.count({ where: { itemId: packId } }),
      ]);
      if (purchases + orders > 0) throw new AppError("conflict", KEEP);
      await tx.creditPack.delete({ where: { id: packId } });
    });
  } catch (error) {
    // P2003: a foreign key refused the delete (a purchase committed in between).
    if ((error as { code?: unknown }).code === "P2003") throw new AppError("conflict", KEEP);
    throw error;
  }
}
