import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { sendMailInBackground } from "@/lib/server/mail/send-mail";
import { issueAuthToken } from "./auth-tokens";

/** At most this many reset e-mails per account per hour, so the form cannot be used to flood a mailbox. */
export const RESETS_PER_HOUR = 3;

/**
 * Sends a password-reset link to the address, if it belongs to an open account. The caller answers
 * the same way whether or not it does (no account enumeration), and the mail leaves in the
 * background so the timing does not tell either.
 */
export async function requestPasswordReset({ email }: { email: string }): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, closedAt: true } });
  if (!user || user.closedAt) return;
  const token = await prisma.$transaction(async (tx) => {
    // Serializes concurrent requests for one account, so the hourly cap holds under a burst.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id} FOR NO KEY UPDATE`;
    const recent = await tx.authToken.count({
      where: { userId: user.id, purpose: "password_reset", createdAt: { gt: new Date(Date.now() - 3_600_000) } },
    });
    return recent >= RESETS_PER_HOUR ? null : issueAuthToken(tx, { userId: user.id, purpose: "password_reset" });
  });
  if (!token) return;
  const link = new URL(`/reset-password?token=${token}`, loadEnv().APP_URL).toString();
  sendMailInBackground({
    to: user.email,
    subject: "Reset your password",
    text: `Someone (hopefully you) asked to reset the password of your account.\n\nChoose a new password here (the link works for one hour, once):\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
  });
}
