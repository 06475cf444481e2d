import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { setPerformerDisabled } from "@/lib/server/performers/set-performer-disabled";

export type SetUserBlockedOptions = { actorId: number; userId: number; blocked: boolean };

/**
 * Blocks or unblocks an account. A blocked user is signed out on their next request
 * (getCurrentUser reads the flag), cannot sign in and cannot spend (a running show stops billing and
 * ends at its next step). A performer's account goes through setPerformerDisabled, so their profile
 * leaves the wall and their show ends too. An admin cannot block themselves (no lock-out by mistake).
 */
export async function setUserBlocked({ actorId, userId, blocked }: SetUserBlockedOptions): Promise<void> {
  if (actorId === userId) {
    await assertAdmin({ db: prisma, actorId });
    throw new AppError("forbidden", "You cannot block your own account.");
  }
  const performer = await prisma.performer.findUnique({ where: { userId }, select: { id: true } });
  if (performer) return setPerformerDisabled({ actorId, performerId: performer.id, disabled: blocked });
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { blocked } });
    if (count === 0) throw new AppError("not_found", `User ${userId} does not exist.`);
  });
}
