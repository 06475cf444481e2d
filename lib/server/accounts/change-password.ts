import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/**
 * Changes a signed-in user's password; the current one must be given. Every session of the account
 * ends with it, this browser's too (the page signs in again with the new password).
 */
export async function changePassword(options: { userId: number; currentPassword: string; newPassword: string }): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: options.userId }, select: { passwordHash: true } });
  if (!(await bcrypt.compare(options.currentPassword, user.passwordHash))) {
    throw new AppError("invalid_request", "Check the highlighted fields.", { currentPassword: "This is not your current password." });
  }
  const passwordHash = await bcrypt.hash(options.newPassword, 10);
  await prisma.user.update({ where: { id: options.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}
