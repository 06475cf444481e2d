import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { signUpViewer } from "@/lib/server/auth/sign-up";
import { MAX_FAILED_LOGINS, verifyLogin, WRONG_CREDENTIALS } from "@/lib/server/auth/verify-login";

const account = (n: string) => ({ email: `${n}@test.local`, username: n, password: "correct-horse", gender: "other" as const });

describe("sign-up and sign-in", () => {
  it("creates a viewer with a hashed password and signs in", async () => {
    const { id } = await signUpViewer(account("alice"));
    const user = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user.role).toBe("viewer");
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await verifyLogin({ email: "alice@test.local", password: "correct-horse" })).toMatchObject({ id, role: "viewer" });
  });

  it("refuses a duplicate e-mail or username with a field error and writes nothing", async () => {
    await signUpViewer(account("bob"));
    const before = await prisma.user.count();
    await expect(signUpViewer({ ...account("bob2"), email: "bob@test.local" })).rejects.toMatchObject({ code: "conflict", fields: { email: expect.any(String) } });
    await expect(signUpViewer({ ...account("bob"), email: "other@test.local" })).rejects.toMatchObject({ code: "conflict", fields: { username: expect.any(String) } });
    expect(await prisma.user.count()).toBe(before);
  });

  it("answers one generic message for a wrong password and an unknown e-mail", async () => {
    await signUpViewer(account("carol"));
    await expect(verifyLogin({ email: "carol@test.local", password: "wrong" })).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(verifyLogin({ email: "nobody@test.local", password: "wrong" })).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("locks an account after repeated failures, even against the right password, also when guesses run in parallel", async () => {
    await signUpViewer(account("dave"));
    const guesses = Array.from({ length: MAX_FAILED_LOGINS + 3 }, () => verifyLogin({ email: "dave@test.local", password: "guess" }).then(() => "signed in", (e: Error) => e.message));
    const messages = await Promise.all(guesses);
    expect(messages.every((m) => m === WRONG_CREDENTIALS || /Too many failed/.test(m))).toBe(true);
    await expect(verifyLogin({ email: "dave@test.local", password: "correct-horse" })).rejects.toThrow(/Too many failed sign-in attempts.*Try again in \d+ minute/);
  });

  it("refuses a blocked account", async () => {
    const { id } = await signUpViewer(account("erin"));
    await prisma.user.update({ where: { id }, data: { blocked: true } });
    await expect(verifyLogin({ email: "erin@test.local", password: "correct-horse" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
