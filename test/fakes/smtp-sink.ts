import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A local SMTP server that keeps every message it receives, for tests: the site sends real SMTP to it
// over loopback, never to the internet.

export type SunkMail = { to: string[]; subject: string; text: string; from: string };

export type SmtpSink = { port: number; mails: SunkMail[]; url: string; close: () => Promise<void>; waitFor: (match: (mail: SunkMail) => boolean, timeoutMs?: number) => Promise<SunkMail> };

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const to = [parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ""));
          mails.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "", from: parsed.from?.text ?? "" });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    port: actual,
    mails,
    url: `smtp://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async waitFor(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = mails.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No matching mail within ${timeoutMs} ms; got: ${mails.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "none"}`);
    },
  };
}

/** The first http(s) link in a mail's text. */
export function linkIn(mail: SunkMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`No link in: ${mail.text}`);
  return new URL(match[0]);
}
