import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { sendTip } from "@/lib/server/tips/send-tip";
import { adjustCredits } from "@/lib/server/users/adjust-credits";
import { listAdminLedger } from "@/lib/server/users/list-admin-ledger";
import { searchUsers, USERS_PAGE_SIZE } from "@/lib/server/users/search-users";
import { setUserBlocked } from "@/lib/server/users/set-user-blocked";
import { getAdminUser } from "@/lib/server/users/get-admin-user";
import { ZCreditAdjustment } from "@/lib/validations/admin/user";
import { createAdmin, createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

let admin: { id: number; username: string };
beforeAll(async () => {
  admin = await createAdmin();
});

const adjust = (userId: number, delta: number, reason = "support ticket 42", key = randomUUID()) =>
  adjustCredits({ actorId: admin.id, userId, delta, reason, idempotencyKey: key });

describe("adjustCredits", () => {
  it("writes an admin_adjustment ledger row naming the admin and the reason", async () => {
    const viewer = await createViewer({ credits: 100 });
    expect(await adjust(viewer.id, 250, "compensation for a dropped show")).toEqual({ balance: 350, applied: true });
    expect(await adjust(viewer.id, -50, "duplicate credit")).toEqual({ balance: 300, applied: true });
    const { lines, total } = await listAdminLedger({ userId: viewer.id });
    expect(total).toBe(3);
    expect(lines.slice(0, 2)).toMatchObject([
      { kind: "admin_adjustment", delta: -50, balanceAfter: 300, reason: "duplicate credit", actor: admin.username },
      { kind: "admin_adjustment", delta: 250, balanceAfter: 350, reason: "compensation for a dropped show", actor: admin.username },
    ]);
    const row = await prisma.ledgerEntry.findFirstOrThrow({ where: { userId: viewer.id, delta: 250 } });
    expect(row.actorId).toBe(admin.id);
    expect(await ledgerSum(viewer.id)).toBe(300);
  });

  it("never takes a balance below zero, and says how much it could take", async () => {
    const viewer = await createViewer({ credits: 40 });
    await expect(adjust(viewer.id, -41)).rejects.toMatchObject({ code: "insufficient_credits", fields: { delta: expect.stringContaining("40") } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(40);
    expect(await adjust(viewer.id, -40)).toMatchObject({ balance: 0 });
  });

  it("requires a reason and a non-zero whole number", () => {
    const key = randomUUID();
    for (const bad of [{ delta: "5", reason: "" }, { delta: "5", reason: "  a " }, { delta: "0", reason: "why not" }, { delta: "1.5", reason: "why not" }, { delta: "x", reason: "why not" }]) {
      expect(ZCreditAdjustment.safeParse({ ...bad, idempotencyKey: key }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(ZCreditAdjustment.safeParse({ delta: "5", reason: "why not", idempotencyKey: "not-a-uuid" }).success).toBe(false);
    expect(ZCreditAdjustment.parse({ delta: "-5", reason: " why not ", idempotencyKey: key })).toEqual({ delta: -5, reason: "why not", idempotencyKey: key });
  });

  it("takes effect once for a double submit, even when both arrive at the same time", async () => {
    const viewer = await createViewer({ credits: 10 });
    const key = randomUUID();
    expect(await adjust(viewer.id, 100, "bonus", key)).toEqual({ balance: 110, applied: true });
    expect(await adjust(viewer.id, 100, "bonus", key)).toEqual({ balance: 110, applied: false });
    const parallelKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => adjust(viewer.id, 7, "bonus", parallelKey)));
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user.credits).toBe(117);
    expect(await ledgerSum(viewer.id)).toBe(117);
    // The same key for another amount or user is a mistake, not a replay.
    await expect(adjust(viewer.id, 8, "bonus", key)).rejects.toMatchObject({ code: "idempotency_conflict" });
  });

  it("under concurrent adjustments and spends the balance never goes below zero and Σ ledger = balance", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 100 }), createPerformer()]);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => adjust(viewer.id, -30)),
      ...Array.from({ length: 3 }, () => sendTip({ userId: viewer.id, performerId: performer.id, credits: 20 })),
    ]);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user.credits).toBeGreaterThanOrEqual(0);
    expect(await ledgerSum(viewer.id)).toBe(user.credits);
    const taken = outcomes.filter((o) => o.status === "fulfilled").length;
    expect(taken).toBeGreaterThan(0);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "insufficient_credits" });
  });

  it("refuses to take credits from a blocked account with a clear message, but may give some", async () => {
    const viewer = await createViewer({ credits: 50, blocked: true });
    await expect(adjust(viewer.id, -10)).rejects.toMatchObject({ code: "conflict", fields: { delta: expect.any(String) } });
    expect(await adjust(viewer.id, 10)).toMatchObject({ balance: 60 });
  });
});

describe("searchUsers, getAdminUser and setUserBlocked", () => {
  it("finds users by e-mail or username, case-insensitively, a page at a time", async () => {
    const tag = `Findme${Date.now()}`;
    await Promise.all(Array.from({ length: USERS_PAGE_SIZE + 2 }, (_, i) =>
      prisma.user.create({ data: { email: `${tag.toLowerCase()}_${i}@test.local`, username: `u${i}_${Date.now() % 100000}`, passwordHash: "x" } }),
    ));
    const first = await searchUsers({ q: tag.toUpperCase(), page: 1 });
    expect(first.total).toBe(USERS_PAGE_SIZE + 2);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect((await searchUsers({ q: tag, page: 2 })).users).toHaveLength(2);
    const viewer = await createViewer();
    expect((await searchUsers({ q: viewer.username.slice(3) })).users.map((u) => u.id)).toContain(viewer.id);
  });

  it("blocks and unblocks; an admin cannot block their own account", async () => {
    const viewer = await createViewer({ credits: 30 });
    await setUserBlocked({ actorId: admin.id, userId: viewer.id, blocked: true });
    expect(await getAdminUser({ userId: viewer.id })).toMatchObject({ blocked: true, credits: 30 });
    await setUserBlocked({ actorId: admin.id, userId: viewer.id, blocked: false });
    expect(await getAdminUser({ userId: viewer.id })).toMatchObject({ blocked: false });
    await expect(setUserBlocked({ actorId: admin.id, userId: admin.id, blocked: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setUserBlocked({ actorId: admin.id, userId: 999_999, blocked: true })).rejects.toMatchObject({ code: "not_found" });
  });
});
