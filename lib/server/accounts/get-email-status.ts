import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Whether the user's address is confirmed, for the account settings page. */
export async function getEmailStatus({ userId }: { userId: number }): Promise<{ verified: boolean }> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return { verified: user.emailVerifiedAt !== null };
}
