import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { redeemAuthToken } from "./auth-tokens";

/**
 * Sets a new password from a reset link: the token is used once, every other reset link of the
 * account stops working, and a sign-in lock from failed attempts is lifted.
 */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<void> {
  const passwordHash = await bcrypt.hash(password, 10);
  await prisma.$transaction(async (tx) => {
    const userId = await redeemAuthToken(tx, { token, purpose: "password_reset" });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    await tx.authToken.updateMany({ where: { userId, purpose: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
  });
}
