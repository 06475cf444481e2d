import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";

export type SetPackActiveOptions = { actorId: number; packId: number; active: boolean };

/** Takes a pack off sale or back on. Its purchases and PayPal orders stay linked to it. */
export async function setPackActive({ actorId, packId, active }: SetPackActiveOptions): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    const { count } = await tx.creditPack.updateMany({ where: { id: packId }, data: { active } });
    if (count === 0) throw new AppError("not_found", `Credit pack ${packId} does not exist.`);
  });
}
