import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/**
 * A viewer closes their own account: it can no longer sign in, and its balance, ledger, tips, shows
 * and purchases stay as they are for the books (and for a PayPal refund or dispute later). Performers
 * and admins are closed by an admin (blocking), not here. A viewer in a private show ends it first.
 */
export async function closeAccount(options: { userId: number; password: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ password_hash: string; role: string; closed_at: Date | null }[]>`
      SELECT password_hash, role, closed_at FROM users WHERE id = ${options.userId} FOR NO KEY UPDATE`;
    if (!user || user.closed_at) throw new AppError("not_found", "This account is already closed.");
    if (user.role !== "viewer") throw new AppError("forbidden", "Performer and admin accounts are closed by an admin.");
    if (!(await bcrypt.compare(options.password, user.password_hash))) {
      throw new AppError("invalid_request", "Check the highlighted fields.", { password: "This is not your password." });
    }
    const open = await tx.privateShow.count({ where: { userId: options.userId, status: { in: ["requested", "active"] } } });
    if (open > 0) throw new AppError("conflict", "End or cancel your private show first.");
    await tx.follow.deleteMany({ where: { userId: options.userId } });
    await tx.user.update({ where: { id: options.userId }, data: { closedAt: new Date(), sessionVersion: { increment: 1 } } });
  });
}
