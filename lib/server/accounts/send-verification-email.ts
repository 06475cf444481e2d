import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { mailEnabled, sendMailInBackground } from "@/lib/server/mail/send-mail";
import { issueAuthToken } from "./auth-tokens";

/** Sends a link that confirms the account's e-mail address (after sign-up, or on request). */
export async function sendVerificationEmail({ userId }: { userId: number }): Promise<void> {
  if (!mailEnabled()) return;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  const token = await prisma.$transaction((tx) => issueAuthToken(tx, { userId, purpose: "email_verification" }));
  const link = new URL(`/verify-email?token=${token}`, loadEnv().APP_URL).toString();
  sendMailInBackground({
    to: user.email,
    subject: "Confirm your e-mail address",
    text: `Welcome! Confirm that this is your e-mail address (the link works for 48 hours):\n${link}\n\nConfirmed addresses get "now live" notices from performers they follow.\n`,
  });
}
