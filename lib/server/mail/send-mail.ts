import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { loadEnv } from "@/lib/env";
import { getBrand } from "@/lib/server/settings/get-brand";

export type Mail = { to: string; subject: string; text: string };

const globalForMail = globalThis as unknown as { mailTransport?: Transporter };

/** Whether SMTP_URL is set: without it the site sends no mail, and the pages that would say so. */
export function mailEnabled(): boolean {
  return loadEnv().SMTP_URL !== undefined;
}

/**
 * Sends one plain-text e-mail from the site's name and MAIL_FROM. Callers send after their
 * transaction commits (a rollback never leaves a sent link pointing at nothing) and never let a mail
 * failure undo what the user did: see sendMailInBackground.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = loadEnv();
  if (!SMTP_URL) return;
  globalForMail.mailTransport ??= nodemailer.createTransport(SMTP_URL);
  const brand = await getBrand();
  await globalForMail.mailTransport.sendMail({ from: { name: brand.siteName, address: MAIL_FROM }, to: mail.to, subject: mail.subject, text: mail.text });
}

/**
 * Sends without making the request wait for the SMTP server: the answer's timing then says nothing
 * about whether an account exists, and a slow mail server never slows a page. Failures are logged.
 */
export function sendMailInBackground(mail: Mail): void {
  sendMail(mail).catch((error: unknown) => console.error("mail: sending failed", error));
}
