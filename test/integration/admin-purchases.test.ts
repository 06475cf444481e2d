import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { getPurchase } from "@/lib/server/purchases/get-purchase";
import { listPaypalMessages } from "@/lib/server/purchases/list-paypal-messages";
import { listPurchases } from "@/lib/server/purchases/list-purchases";
import { ZPaypalMessageFilter, ZPurchaseFilter } from "@/lib/validations/admin/purchase";
import { createViewer } from "@/test/helpers/factories";

async function world() {
  const [alice, bob] = await Promise.all([createViewer(), createViewer()]);
  const pack = await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
  const purchase = (txnId: string, userId: number, date: string, extra: object = {}) =>
    prisma.purchase.create({
      data: { txnId, userId, price: "10.00", credits: 600, itemId: pack.id, itemName: pack.description, date: new Date(date), log: `raw ${txnId}`, source: "ipn", ...extra },
    });
  const refunded = await purchase("AAAAAAAAAAAAAAAA1", alice.id, "2030-05-01T10:00:00Z", { status: "refunded" });
  await purchase("BBBBBBBBBBBBBBBB2", alice.id, "2030-05-02T10:00:00Z", { source: "orders", orderId: "ORDER-B" });
  await purchase("CCCCCCCCCCCCCCCC3", bob.id, "2030-05-03T23:59:59Z");
  await prisma.$transaction(async (tx) => {
    await applyCreditChange(tx, { userId: alice.id, delta: 600, kind: "purchase", reference: "paypal:AAAAAAAAAAAAAAAA1", idempotencyKey: "paypal:AAAAAAAAAAAAAAAA1" });
    await applyCreditChange(tx, { userId: alice.id, delta: -600, kind: "refund", reference: "paypal:AAAAAAAAAAAAAAAA1", idempotencyKey: "paypal:refund:RRRRRRRRRRRRRRRR9", allowNegative: true });
  });
  await prisma.paypalMessage.createMany({
    data: [
      { source: "ipn", txnId: "AAAAAAAAAAAAAAAA1", paymentStatus: "Completed", raw: "txn_id=AAAAAAAAAAAAAAAA1&payment_status=Completed", verification: "VERIFIED", outcome: "credited", reason: "600 credits" },
      { source: "ipn", txnId: "RRRRRRRRRRRRRRRR9", paymentStatus: "Refunded", raw: "txn_id=RRRRRRRRRRRRRRRR9&parent_txn_id=AAAAAAAAAAAAAAAA1&payment_status=Refunded", verification: "VERIFIED", outcome: "refunded", reason: "took back 600" },
      { source: "ipn", txnId: "ZZZZZZZZZZZZZZZZ0", paymentStatus: "Completed", raw: "txn_id=ZZZZZZZZZZZZZZZZ0&receiver_email=thief@example.com", verification: "VERIFIED", outcome: "rejected", reason: "receiver_email is not ours" },
    ],
  });
  return { alice, bob, refunded };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe("purchases", () => {
  it("filters by status, source, user and UTC days", async () => {
    const { alice, bob } = w;
    const txns = async (filter: Record<string, string>) => (await listPurchases(ZPurchaseFilter.parse(filter))).purchases.map((p) => p.txnId);
    expect(await txns({})).toEqual(["CCCCCCCCCCCCCCCC3", "BBBBBBBBBBBBBBBB2", "AAAAAAAAAAAAAAAA1"]);
    expect(await txns({ status: "refunded" })).toEqual(["AAAAAAAAAAAAAAAA1"]);
    expect(await txns({ source: "orders" })).toEqual(["BBBBBBBBBBBBBBBB2"]);
    expect(await txns({ user: alice.email.toUpperCase() })).toEqual(["BBBBBBBBBBBBBBBB2", "AAAAAAAAAAAAAAAA1"]);
    expect(await txns({ user: String(bob.id) })).toEqual(["CCCCCCCCCCCCCCCC3"]);
    expect(await txns({ from: "2030-05-02", to: "2030-05-03" })).toEqual(["CCCCCCCCCCCCCCCC3", "BBBBBBBBBBBBBBBB2"]);
    expect(await txns({ to: "2030-05-01" })).toEqual(["AAAAAAAAAAAAAAAA1"]);
    expect(ZPurchaseFilter.safeParse({ status: "stolen" }).success).toBe(false);
    expect(ZPurchaseFilter.safeParse({ from: "2030-13-45" }).success).toBe(false);
  });

  it("shows a purchase with its PayPal messages (the refund too) and its credit movements", async () => {
    const { refunded } = w;
    const detail = await getPurchase({ purchaseId: refunded.id });
    expect(detail).toMatchObject({ txnId: "AAAAAAAAAAAAAAAA1", status: "refunded", log: "raw AAAAAAAAAAAAAAAA1" });
    expect(detail.messages.map((m) => [m.txnId, m.outcome])).toEqual([["AAAAAAAAAAAAAAAA1", "credited"], ["RRRRRRRRRRRRRRRR9", "refunded"]]);
    expect(detail.ledger.map((l) => [l.kind, l.delta])).toEqual([["purchase", 600], ["refund", -600]]);
    await expect(getPurchase({ purchaseId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists every PayPal message, refused ones with their reason", async () => {
    const all = await listPaypalMessages(ZPaypalMessageFilter.parse({}));
    expect(all.outcomes).toEqual(expect.arrayContaining(["credited", "refunded", "rejected"]));
    const rejected = await listPaypalMessages(ZPaypalMessageFilter.parse({ outcome: "rejected" }));
    expect(rejected.messages.length).toBeGreaterThan(0);
    expect(rejected.messages.every((m) => m.outcome === "rejected" && m.reason)).toBe(true);
    const byTxn = await listPaypalMessages(ZPaypalMessageFilter.parse({ txn: "AAAAAAAAAAAAAAAA1" }));
    expect(byTxn.messages.map((m) => m.txnId).sort()).toEqual(expect.arrayContaining(["AAAAAAAAAAAAAAAA1", "RRRRRRRRRRRRRRRR9"]));
  });
});
