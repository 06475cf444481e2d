import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { redeemAuthToken } from "./auth-tokens";

/**
 * Sets a new password from a reset link: the token is used once, every other reset link of the
 * account stops working, and every session of the account ends (whoever had the old password is out).
 */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<void> {
  const passwordHash = await bcrypt.hash(password, 10);
  await prisma.$transaction(async (tx) => {
    const userId = await redeemAuthToken(tx, { token, purpose: "password_reset" });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.authToken.updateMany({ where: { userId, purpose: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
  });
}
