import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { createViewer, ledgerSum } from "@/test/helpers/factories";

const spend = (userId: number, key: string, delta = -10) =>
  prisma.$transaction((tx) => applyCreditChange(tx, { userId, delta, kind: "tip", reference: key, idempotencyKey: key }));

describe("applyCreditChange", () => {
  it("lets 50 parallel debits take the balance to exactly zero and no further", async () => {
    const viewer = await createViewer({ credits: 300 });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => spend(viewer.id, `par-${viewer.id}-${i}`)));
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "insufficient_credits" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user.credits).toBe(0);
    expect(await ledgerSum(viewer.id)).toBe(0);
  });

  it("applies one idempotency key once, and the refused retry changes nothing", async () => {
    const viewer = await createViewer({ credits: 100 });
    await spend(viewer.id, `once-${viewer.id}`);
    await expect(spend(viewer.id, `once-${viewer.id}`)).rejects.toMatchObject({ code: "P2002" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(90);
    expect(await ledgerSum(viewer.id)).toBe(90);
  });

  it("refuses a credit that would take the balance beyond what users.credits holds, as a refusal with a field", async () => {
    const viewer = await createViewer({ credits: 2_147_000_000 });
    const credit = (delta: number, key: string) =>
      prisma.$transaction((tx) => applyCreditChange(tx, { userId: viewer.id, delta, kind: "admin_adjustment", reference: "test", idempotencyKey: key }));
    await expect(credit(1_000_000, `big-${viewer.id}`)).rejects.toMatchObject({ code: "invalid_request", status: 422, fields: { delta: expect.any(String) } });
    expect(await ledgerSum(viewer.id)).toBe(2_147_000_000);
    expect((await credit(483_647, `max-${viewer.id}`)).balance).toBe(2_147_483_647);
  });

  it("refuses blocked accounts and unknown users without writing", async () => {
    const blocked = await createViewer({ credits: 100 });
    await prisma.user.update({ where: { id: blocked.id }, data: { blocked: true } });
    await expect(spend(blocked.id, `blk-${blocked.id}`)).rejects.toMatchObject({ code: "account_blocked", status: 403 });
    await expect(spend(999_999, "nobody")).rejects.toBeInstanceOf(AppError);
    expect(await prisma.ledgerEntry.count({ where: { idempotencyKey: { in: [`blk-${blocked.id}`, "nobody"] } } })).toBe(0);
  });

  it("lets only a reversal take a balance negative, flags the account until it is settled", async () => {
    const viewer = await createViewer({ credits: 100 });
    await spend(viewer.id, `sp-${viewer.id}`, -80);
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: viewer.id, delta: -100, kind: "reversal", reference: "paypal:X", idempotencyKey: `rev-${viewer.id}`, allowNegative: true }),
    );
    let user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user).toMatchObject({ credits: -80, flagged: true });
    await expect(spend(viewer.id, `sp2-${viewer.id}`, -1)).rejects.toMatchObject({ code: "account_on_hold", status: 403 });
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: viewer.id, delta: 100, kind: "canceled_reversal", reference: "paypal:X", idempotencyKey: `cr-${viewer.id}` }),
    );
    user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user).toMatchObject({ credits: 20, flagged: false });
    expect(await ledgerSum(viewer.id)).toBe(20);
  });
});
