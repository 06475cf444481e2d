import "server-only";
import { prisma } from "@/lib/db/prisma";
import { redeemAuthToken } from "./auth-tokens";

/** Confirms the address the verification link was sent to. */
export async function verifyEmail({ token }: { token: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const userId = await redeemAuthToken(tx, { token, purpose: "email_verification" });
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  });
}
