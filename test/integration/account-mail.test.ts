import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { changePassword } from "@/lib/server/accounts/change-password";
import { closeAccount } from "@/lib/server/accounts/close-account";
import { requestPasswordReset, RESETS_PER_HOUR } from "@/lib/server/accounts/request-password-reset";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { sendVerificationEmail } from "@/lib/server/accounts/send-verification-email";
import { verifyEmail } from "@/lib/server/accounts/verify-email";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { verifyLogin, WRONG_CREDENTIALS } from "@/lib/server/auth/verify-login";
import { linkIn, startSmtpSink, type SmtpSink } from "@/test/fakes/smtp-sink";
import { createActiveShow, ledgerSum } from "@/test/helpers/factories";

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "http://localhost:3999";
});
afterAll(() => sink.close());

let n = 0;
async function createUser(password = "old-password-1", role: "viewer" | "performer" = "viewer") {
  n += 1;
  const name = `mailuser_${process.pid}_${n}`;
  return prisma.user.create({ data: { email: `${name}@test.local`, username: name, role, passwordHash: await bcrypt.hash(password, 4) } });
}

const tokenOf = (url: URL) => url.searchParams.get("token") ?? "";
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("password reset by e-mail", () => {
  it("mails a one-hour link from the site's public URL, and the link sets a new password once", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email });
    const mail = await sink.waitFor((m) => m.to.includes(user.email) && m.subject === "Reset your password");
    const link = linkIn(mail);
    expect(link.origin + link.pathname).toBe("http://localhost:3999/reset-password");

    await resetPassword({ token: tokenOf(link), password: "new-password-2" });
    await expect(verifyLogin({ clientAddress: "203.0.113.7", email: user.email, password: "new-password-2" })).resolves.toMatchObject({ id: user.id });
    await expect(verifyLogin({ clientAddress: "203.0.113.7", email: user.email, password: "old-password-1" })).rejects.toThrow(WRONG_CREDENTIALS);

    const again = await refusal(resetPassword({ token: tokenOf(link), password: "third-password-3" }));
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).message).toMatch(/expired or was already used/);
  });

  it("answers an unknown or closed address exactly like a known one, and mails nothing", async () => {
    const closed = await createUser();
    await prisma.user.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    const before = sink.mails.length;
    await expect(requestPasswordReset({ email: "nobody-here@test.local" })).resolves.toBeUndefined();
    await expect(requestPasswordReset({ email: closed.email })).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.mails.length).toBe(before);
    expect(await prisma.authToken.count({ where: { userId: closed.id } })).toBe(0);
  });

  it(`issues at most ${RESETS_PER_HOUR} links an hour per account, even from parallel requests`, async () => {
    const user = await createUser();
    await Promise.all(Array.from({ length: 8 }, () => requestPasswordReset({ email: user.email })));
    expect(await prisma.authToken.count({ where: { userId: user.id, purpose: "password_reset" } })).toBe(RESETS_PER_HOUR);
  });

  it("lets only one of two parallel uses of a link through, and a new password voids the other links", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email });
    await requestPasswordReset({ email: user.email });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const links = sink.mails.filter((m) => m.to.includes(user.email)).map((m) => tokenOf(linkIn(m)));
    expect(links).toHaveLength(2);
    const outcomes = await Promise.allSettled([
      resetPassword({ token: links[0]!, password: "parallel-one-1" }),
      resetPassword({ token: links[0]!, password: "parallel-two-2" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await refusal(resetPassword({ token: links[1]!, password: "other-link-3" }))).toBeInstanceOf(AppError);
  });

  it("refuses an expired link", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email });
    const mail = await sink.waitFor((m) => m.to.includes(user.email));
    await prisma.authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(resetPassword({ token: tokenOf(linkIn(mail)), password: "too-late-password" }))).toBeInstanceOf(AppError);
  });

  it("ends every session of the account when the password is reset", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email });
    const mail = await sink.waitFor((m) => m.to.includes(user.email));
    await resetPassword({ token: tokenOf(linkIn(mail)), password: "after-reset-password" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe("e-mail verification", () => {
  it("confirms the address through the mailed link, once", async () => {
    const user = await createUser();
    await sendVerificationEmail({ userId: user.id });
    const mail = await sink.waitFor((m) => m.to.includes(user.email) && m.subject === "Confirm your e-mail address");
    await verifyEmail({ token: tokenOf(linkIn(mail)) });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    expect(await refusal(verifyEmail({ token: tokenOf(linkIn(mail)) }))).toBeInstanceOf(AppError);
  });

  it("does not accept a reset link as a verification link", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email });
    const mail = await sink.waitFor((m) => m.to.includes(user.email));
    expect(await refusal(verifyEmail({ token: tokenOf(linkIn(mail)) }))).toBeInstanceOf(AppError);
  });
});

describe("change password and close account", () => {
  it("changes the password only with the current one", async () => {
    const user = await createUser();
    const wrong = await refusal(changePassword({ userId: user.id, currentPassword: "not-it", newPassword: "changed-password" }));
    expect((wrong as AppError).fields).toEqual({ currentPassword: "This is not your current password." });
    await changePassword({ userId: user.id, currentPassword: "old-password-1", newPassword: "changed-password" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
    await expect(verifyLogin({ clientAddress: "203.0.113.7", email: user.email, password: "changed-password" })).resolves.toMatchObject({ id: user.id });
  });

  it("closes a viewer's account: no more sign-in (answered like an unknown e-mail), books kept", async () => {
    const user = await createUser();
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: user.id, delta: 250, kind: "admin_adjustment", reference: "test", idempotencyKey: `close-test:${user.id}`, reason: "test" }),
    );
    expect((await refusal(closeAccount({ userId: user.id, password: "nope" })) as AppError).fields).toEqual({ password: "This is not your password." });
    await closeAccount({ userId: user.id, password: "old-password-1" });
    await expect(verifyLogin({ clientAddress: "203.0.113.7", email: user.email, password: "old-password-1" })).rejects.toThrow(WRONG_CREDENTIALS);
    expect(await prisma.ledgerEntry.count({ where: { userId: user.id } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).credits).toBe(250);
    expect(await refusal(closeAccount({ userId: user.id, password: "old-password-1" }))).toBeInstanceOf(AppError);
  });

  it("refuses to close an account in a private show, and a performer's account", async () => {
    const { viewer } = await createActiveShow({ credits: 600, startedAt: new Date() });
    await prisma.user.update({ where: { id: viewer.id }, data: { passwordHash: await bcrypt.hash("in-show-password", 4) } });
    expect((await refusal(closeAccount({ userId: viewer.id, password: "in-show-password" })) as AppError).message).toMatch(/private show/);
    expect(await ledgerSum(viewer.id)).toBe((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits);
    const performer = await createUser("performer-pass", "performer");
    expect((await refusal(closeAccount({ userId: performer.id, password: "performer-pass" })) as AppError).code).toBe("forbidden");
  });
});
