import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getCreditValue } from "@/lib/server/money/get-credit-value";
import { sendTip } from "@/lib/server/tips/send-tip";
import { tipInRoom } from "@/lib/server/tips/tip-in-room";
import { call } from "@/test/helpers/chat-api";
import { createAdmin, createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

// Each test sets the price list it needs: the credit value comes from settings or the packs.
beforeEach(async () => {
  await prisma.setting.deleteMany();
  await prisma.creditPack.deleteMany();
});

describe("credit value", () => {
  it("is 0 with no pack, else derived from the lowest-id active pack, else the lowest-id pack; the setting wins", async () => {
    expect((await getCreditValue(prisma)).toFixed()).toBe("0");
    const inactive = await prisma.creditPack.create({ data: { seconds: 100, price: "5.00", description: "old", active: false } });
    expect((await getCreditValue(prisma)).toFixed()).toBe("0.05");
    await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
    await prisma.creditPack.create({ data: { seconds: 1000, price: "12.00", description: "1000 credits" } });
    expect((await getCreditValue(prisma)).toFixed()).toBe("0.016667");
    await prisma.creditPack.update({ where: { id: inactive.id }, data: { active: true } });
    expect((await getCreditValue(prisma)).toFixed()).toBe("0.05");
    await prisma.setting.create({ data: { id: 1, creditValue: "0.0125" } });
    expect((await getCreditValue(prisma)).toFixed()).toBe("0.0125");
  });
});

describe("sendTip", () => {
  it("prices the tip per API.md Money and writes the tip and its ledger row together", async () => {
    await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
    const [viewer, performer] = await Promise.all([createViewer({ credits: 250 }), createPerformer({ benefitPercent: "60" })]);
    const now = new Date("2030-01-01T12:00:00.000Z");
    const result = await sendTip({ userId: viewer.id, performerId: performer.id, credits: 100, now });
    expect(result).toEqual({
      tip: { id: expect.any(Number), credits: 100, price: "1.667", performerBenefit: "1.000", date: now.toISOString(), item: null },
      user: { id: viewer.id, credits: 150 },
      goal: null,
    });
    const tip = await prisma.tip.findUniqueOrThrow({ where: { id: BigInt(result.tip.id) } });
    expect(tip).toMatchObject({ action: "tips", userId: viewer.id, performerId: performer.id, credits: 100, showId: null, date: now });
    expect(tip.price.toFixed(3)).toBe("1.667");
    expect(tip.performerBenefit.toFixed(3)).toBe("1.000");
    expect(await prisma.ledgerEntry.findMany({ where: { userId: viewer.id, kind: "tip" } })).toMatchObject([
      { delta: -100, balanceAfter: 150, reference: `tip:${result.tip.id}`, idempotencyKey: `tip:${result.tip.id}` },
    ]);
    expect(await ledgerSum(viewer.id)).toBe(150);
  });

  it("rounds half-up to 3 decimals with the admin's credit value", async () => {
    await prisma.setting.create({ data: { id: 1, creditValue: "0.0125" } });
    const [viewer, performer] = await Promise.all([createViewer({ credits: 10 }), createPerformer({ benefitPercent: "50" })]);
    expect((await sendTip({ userId: viewer.id, performerId: performer.id, credits: 1 })).tip).toMatchObject({ price: "0.013", performerBenefit: "0.007" });
  });

  it("refuses credits outside 1..100000 or not whole with invalid_request", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 10 }), createPerformer()]);
    for (const credits of [0, -5, 1.5, 100_001, Number.NaN]) {
      await expect(sendTip({ userId: viewer.id, performerId: performer.id, credits })).rejects.toMatchObject({ code: "invalid_request", status: 422 });
    }
  });

  it("answers not_found for an unknown user or performer", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 10 }), createPerformer()]);
    await expect(sendTip({ userId: 999_999, performerId: performer.id, credits: 1 })).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(sendTip({ userId: viewer.id, performerId: 999_999, credits: 1 })).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("refuses a performer tipping (anyone, or themselves) and an admin with invalid_request, a blocked or on-hold viewer with 403", async () => {
    const [performer, other] = await Promise.all([createPerformer(), createPerformer()]);
    const tippers = [other.userId, performer.userId, (await createAdmin()).id];
    for (const userId of tippers) {
      await expect(sendTip({ userId, performerId: performer.id, credits: 1 })).rejects.toMatchObject({ code: "invalid_request", status: 422 });
    }
    const blocked = (await createViewer({ credits: 10, blocked: true })).id;
    await expect(sendTip({ userId: blocked, performerId: performer.id, credits: 1 })).rejects.toMatchObject({ code: "account_blocked", status: 403 });
    const onHold = (await createViewer({ credits: 10, flagged: true })).id;
    await expect(sendTip({ userId: onHold, performerId: performer.id, credits: 1 })).rejects.toMatchObject({ code: "account_on_hold", status: 403 });
    await expect(sendTip({ userId: performer.userId, performerId: performer.id, credits: 1 })).rejects.toThrow(/themselves/);
    expect(await prisma.tip.count({ where: { performerId: performer.id } })).toBe(0);
  });

  it("refuses more than the balance with insufficient_credits and leaves no tip behind", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 10 }), createPerformer()]);
    await expect(sendTip({ userId: viewer.id, performerId: performer.id, credits: 11 })).rejects.toMatchObject({ code: "insufficient_credits", status: 402 });
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(10);
  });
});

describe("sendTip with the caller's idempotency key", () => {
  it("debits once and answers the first tip again, also when both calls run at once", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 500 }), createPerformer()]);
    const tip = () => sendTip({ userId: viewer.id, performerId: performer.id, credits: 40, idempotency: { source: "chat-api-tip", key: "chat-key-1" } });
    const [first, second] = await Promise.all([tip(), tip()]);
    expect(second).toEqual(first);
    expect(await tip()).toEqual(first);
    expect(first.user.credits).toBe(460);
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await ledgerSum(viewer.id)).toBe(460);
  });
});

describe("ledger key namespaces", () => {
  it("a room tip never replays another user's chat-API tip whose key looks like the room's (collide0001)", async () => {
    const [a, b, performer] = await Promise.all([createViewer({ credits: 100 }), createViewer({ credits: 100 }), createPerformer()]);
    const chat = await call<{ tip: { id: number } }>("POST", "/tips", { userId: a.id, performerId: performer.id, credits: 10 }, { idempotencyKey: `site:${b.id}:collide0001` });
    expect(chat.status).toBe(201);
    const room = await tipInRoom({ user: { id: b.id, username: b.username }, performerId: performer.id, credits: 7, key: "collide0001" });
    expect(room.user).toEqual({ id: b.id, credits: 93 });
    expect(room.tip.id).not.toBe(chat.body.tip.id);
    expect([await ledgerSum(a.id), await ledgerSum(b.id)]).toEqual([90, 93]);
    expect(await prisma.tip.count({ where: { userId: b.id } })).toBe(1);
  });

  it("a room key is the user's own: the same key from two users is two tips, and reused for another tip is a conflict", async () => {
    const [a, b, performer] = await Promise.all([createViewer({ credits: 100 }), createViewer({ credits: 100 }), createPerformer()]);
    const tip = (user: { id: number; username: string }, credits: number) => tipInRoom({ user, performerId: performer.id, credits, key: "shared-key-0001" });
    const first = await tip(a, 5);
    const other = await tip(b, 5);
    expect(other.user).toEqual({ id: b.id, credits: 95 });
    expect(other.tip.id).not.toBe(first.tip.id);
    expect(await tip(a, 5)).toEqual(first);
    await expect(tip(a, 6)).rejects.toMatchObject({ code: "idempotency_conflict", status: 409 });
    expect([await ledgerSum(a.id), await ledgerSum(b.id)]).toEqual([95, 95]);
  });
});
