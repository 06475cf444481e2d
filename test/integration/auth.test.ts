import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { signUpViewer } from "@/lib/server/auth/sign-up";
import { verifyLogin, WRONG_CREDENTIALS } from "@/lib/server/auth/verify-login";

const clientAddress = "192.0.2.1";
const account = (n: string) => ({ email: `${n}@test.local`, username: n, password: "correct-horse", gender: "other" as const });

describe("sign-up and sign-in", () => {
  it("creates a viewer with a hashed password and signs in", async () => {
    const { id } = await signUpViewer(account("alice"));
    const user = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user.role).toBe("viewer");
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await verifyLogin({ email: "alice@test.local", password: "correct-horse", clientAddress })).toMatchObject({ id, role: "viewer" });
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
    await expect(verifyLogin({ email: "carol@test.local", password: "wrong", clientAddress })).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(verifyLogin({ email: "nobody@test.local", password: "wrong", clientAddress })).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("refuses a blocked account", async () => {
    const { id } = await signUpViewer(account("erin"));
    await prisma.user.update({ where: { id }, data: { blocked: true } });
    await expect(verifyLogin({ email: "erin@test.local", password: "correct-horse", clientAddress })).rejects.toMatchObject({ code: "forbidden" });
  });
});
