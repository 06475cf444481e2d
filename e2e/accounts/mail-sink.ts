import { expect } from "@playwright/test";

// The SMTP sink that playwright.config.ts starts beside the site: what the site e-mailed.
export const SMTP_SINK_PORT = Number(process.env.E2E_SMTP_PORT ?? 3198);
export const SMTP_SINK_HTTP_PORT = SMTP_SINK_PORT - 1;
export const SMTP_SINK_URL = `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}`;

type Mail = { to: string[]; subject: string; text: string };

/** Waits for an e-mail to `to` whose subject matches, and returns the first link in it. */
export async function linkMailedTo(to: string, subject: RegExp): Promise<URL> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${SMTP_SINK_URL}/mails`)).json()) as Mail[];
      found = mails.find((m) => m.to.includes(to) && subject.test(m.subject));
      return found !== undefined;
    }, { timeout: 15_000 })
    .toBe(true);
  const match = /https?:\/\/\S+/.exec(found!.text);
  return new URL(match![0]);
}
