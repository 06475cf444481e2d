import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * Ends every session of the user: tokens carry the session version they were issued with, and
 * getCurrentUser refuses any that is not the current one. Sign-out calls it, so a copied cookie dies
 * with the sign-out (on every device of the account: a per-token list would need a table read anyway).
 */
export async function revokeSessions(userId: number): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
