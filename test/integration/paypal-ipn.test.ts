import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { processIpnMessage } from "@/lib/server/paypal/process-ipn-message";
import { receiveIpn } from "@/lib/server/paypal/receive-ipn";
import { sendTip } from "@/lib/server/tips/send-tip";
import { ipnBody, ipnFields, paypalId, startFakePaypal, type IpnFields } from "@/test/fakes/fake-paypal";
import { createPerformer, createViewer } from "@/test/helpers/factories";
import { createPack, creditsOf, expectLedgerMatchesBalances } from "@/test/helpers/paypal";

// IPN end to end on real PostgreSQL, with the verification postback going to the fake PayPal over HTTP.
const fake = await startFakePaypal();
Object.assign(process.env, fake.env(), { PAYPAL_MODE: "sandbox" });
afterAll(() => fake.close());
afterEach(async () => {
  fake.setIpnVerdict("VERIFIED");
  await expectLedgerMatchesBalances();
});

async function buyer(credits = 0) {
  const [viewer, pack] = await Promise.all([createViewer({ credits }), createPack()]);
  const ipn = (overrides: IpnFields = {}) => ipnBody(ipnFields({ custom: String(viewer.id), item_number: String(pack.id), ...overrides }));
  return { viewer, pack, ipn };
}

const messageOf = (id: number) => prisma.paypalMessage.findUniqueOrThrow({ where: { id } });

describe("a Completed IPN", () => {
  it("is stored, verified with the exact raw body, and credits the pack once", async () => {
    const { viewer, pack, ipn } = await buyer(50);
    const txnId = paypalId();
    const body = ipn({ txn_id: txnId, item_name: "600 credits, café édition" });
    const result = await receiveIpn(body);
    expect(result).toMatchObject({ verification: "VERIFIED", outcome: "credited" });
    expect(fake.postbacks.at(-1)).toBe(`cmd=_notify-validate&${body}`);
    expect(await creditsOf(viewer.id)).toBe(650);
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId } })).toMatchObject({
      userId: viewer.id, itemId: pack.id, credits: 600, currency: "USD", status: "completed", source: "ipn", orderId: null, log: body,
    });
    expect(await prisma.ledgerEntry.findMany({ where: { idempotencyKey: `paypal:${txnId}` } })).toMatchObject([
      { userId: viewer.id, delta: 600, balanceAfter: 650, kind: "purchase", reference: `paypal:${txnId}` },
    ]);
    expect(await messageOf(result.messageId)).toMatchObject({ source: "ipn", txnId, paymentStatus: "Completed", raw: body, verification: "VERIFIED", outcome: "credited" });
  });

  it("sent three times at once credits once; the others are recorded as duplicates", async () => {
    const { viewer, ipn } = await buyer();
    const body = ipn();
    const results = await Promise.all([1, 2, 3].map(() => receiveIpn(body)));
    expect(results.map((r) => r.outcome).sort()).toEqual(["credited", "duplicate", "duplicate"]);
    expect(await creditsOf(viewer.id)).toBe(600);
    expect(await prisma.paypalMessage.count({ where: { id: { in: results.map((r) => r.messageId) } } })).toBe(3);
    expect(await prisma.ledgerEntry.count({ where: { userId: viewer.id, kind: "purchase" } })).toBe(1);
  });

  it("is posted back byte for byte even in windows-1252", async () => {
    const { viewer, ipn } = await buyer();
    const body = ipn({ charset: "windows-1252" }).replace("item_name=600+credits+for+10.00", "item_name=Caf%E9+cr%E9dits");
    expect(await receiveIpn(Buffer.from(body, "latin1"))).toMatchObject({ outcome: "credited" });
    expect(fake.postbacks.at(-1)).toBe(`cmd=_notify-validate&${body}`);
    expect(await creditsOf(viewer.id)).toBe(600);
  });
});

const REFUSALS: [name: string, prepare: () => void, overrides: IpnFields, reason: string][] = [
  ["INVALID at PayPal", () => fake.setIpnVerdict("INVALID"), {}, "INVALID"],
  ["a wrong amount", () => undefined, { mc_gross: "1.00" }, "mc_gross 1.00"],
  ["a wrong currency", () => undefined, { mc_currency: "EUR" }, "mc_currency EUR"],
  ["another receiver", () => undefined, { receiver_email: "thief@example.com", business: "thief@example.com" }, "thief@example.com is not ours"],
  ["an unknown pack", () => undefined, { item_number: "987654" }, "unknown pack"],
  ["an unknown user", () => undefined, { custom: "987654" }, "unknown user"],
  ["no user at all", () => undefined, { custom: undefined }, "custom (missing)"],
  ["a subscription payment", () => undefined, { txn_type: "subscr_payment" }, "txn_type subscr_payment"],
];

describe("an IPN that is not credited", () => {
  it.each(REFUSALS)("is refused for %s, with the reason stored", async (_name, prepare, overrides, reason) => {
    const { viewer, ipn } = await buyer(10);
    prepare();
    const txnId = paypalId();
    const result = await receiveIpn(ipn({ ...overrides, txn_id: txnId }));
    expect(result.outcome).toBe("rejected");
    expect((await messageOf(result.messageId)).reason).toContain(reason);
    expect(await creditsOf(viewer.id)).toBe(10);
    expect(await prisma.purchase.count({ where: { txnId } })).toBe(0);
  });

  it("keeps the message with outcome error when the postback fails, and can be processed again later", async () => {
    const { viewer, ipn } = await buyer();
    fake.setIpnVerdict("ERROR");
    const first = await receiveIpn(ipn());
    expect(await messageOf(first.messageId)).toMatchObject({ verification: "error", outcome: "error", reason: expect.stringContaining("HTTP 503") });
    expect(await creditsOf(viewer.id)).toBe(0);
    fake.setIpnVerdict("VERIFIED");
    expect(await processIpnMessage({ messageId: first.messageId })).toMatchObject({ outcome: "credited" });
    expect(await creditsOf(viewer.id)).toBe(600);
  });

  it("records other statuses (Denied, Failed…) and changes nothing", async () => {
    const { viewer, ipn } = await buyer();
    expect(await receiveIpn(ipn({ payment_status: "Denied" }))).toMatchObject({ outcome: "ignored", reason: expect.stringContaining("Denied") });
    expect(await creditsOf(viewer.id)).toBe(0);
  });
});

describe("Pending, then Completed", () => {
  it("records the pending payment without credits and credits it once when it completes", async () => {
    const { viewer, ipn } = await buyer();
    const txnId = paypalId();
    const pending = await receiveIpn(ipn({ txn_id: txnId, payment_status: "Pending", pending_reason: "echeck" }));
    expect(pending).toMatchObject({ outcome: "pending", reason: expect.stringContaining("echeck") });
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId } })).toMatchObject({ status: "pending", credits: 600 });
    expect(await creditsOf(viewer.id)).toBe(0);
    expect(await receiveIpn(ipn({ txn_id: txnId, payment_status: "Pending" }))).toMatchObject({ outcome: "duplicate" });

    const completed = await Promise.all([1, 2].map(() => receiveIpn(ipn({ txn_id: txnId }))));
    expect(completed.map((r) => r.outcome).sort()).toEqual(["credited", "duplicate"]);
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId } })).toMatchObject({ status: "completed" });
    expect(await creditsOf(viewer.id)).toBe(600);
  });
});

describe("Refunded, Reversed and Canceled_Reversal", () => {
  async function bought(credits = 0) {
    const setup = await buyer(credits);
    const txnId = paypalId();
    expect(await receiveIpn(setup.ipn({ txn_id: txnId }))).toMatchObject({ outcome: "credited" });
    return { ...setup, txnId };
  }
  const followUp = (status: string, parent: string, gross: string, txnId = paypalId()) =>
    ({ txn_id: txnId, parent_txn_id: parent, payment_status: status, mc_gross: gross, reason_code: status === "Refunded" ? "refund" : "chargeback", txn_type: undefined });

  it("a refund takes the credits back once and marks the purchase refunded", async () => {
    const { viewer, txnId, ipn } = await bought(100);
    const refund = ipn(followUp("Refunded", txnId, "-10.00"));
    expect(await receiveIpn(refund)).toMatchObject({ outcome: "refunded" });
    expect(await receiveIpn(refund)).toMatchObject({ outcome: "duplicate" });
    expect(await creditsOf(viewer.id)).toBe(100);
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId } })).toMatchObject({ status: "refunded" });
    expect(await prisma.ledgerEntry.findMany({ where: { userId: viewer.id, kind: "refund" } })).toMatchObject([{ delta: -600, reference: `paypal:${txnId}` }]);
  });

  it("a partial refund takes back its share, and never more than was credited", async () => {
    const { viewer, txnId, ipn } = await bought();
    expect(await receiveIpn(ipn(followUp("Refunded", txnId, "-2.50")))).toMatchObject({ outcome: "refunded" });
    expect(await creditsOf(viewer.id)).toBe(450);
    await receiveIpn(ipn(followUp("Refunded", txnId, "-10.00")));
    expect(await creditsOf(viewer.id)).toBe(0);
    expect(await receiveIpn(ipn(followUp("Refunded", txnId, "-10.00")))).toMatchObject({ outcome: "ignored" });
    expect(await creditsOf(viewer.id)).toBe(0);
  });

  it("a reversal after the credits were spent makes the balance negative and flags the account until the reversal is cancelled", async () => {
    const { viewer, txnId, ipn } = await bought();
    const performer = await createPerformer();
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: viewer.id, delta: -500, kind: "tip", reference: "spent", idempotencyKey: `spent:${viewer.id}` }),
    );
    const reversal = paypalId();
    expect(await receiveIpn(ipn(followUp("Reversed", txnId, "-10.00", reversal)))).toMatchObject({ outcome: "reversed" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).toMatchObject({ credits: -500, flagged: true });
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId } })).toMatchObject({ status: "reversed" });
    await expect(
      prisma.$transaction((tx) => applyCreditChange(tx, { userId: viewer.id, delta: -1, kind: "tip", reference: "x", idempotencyKey: `x:${viewer.id}` })),
    ).rejects.toMatchObject({ code: "account_on_hold", status: 403 });
    await expect(sendTip({ userId: viewer.id, performerId: performer.id, credits: 1 })).rejects.toMatchObject({ code: "account_on_hold", status: 403 });

    const cancel = ipn(followUp("Canceled_Reversal", txnId, "10.00"));
    expect(await receiveIpn(cancel)).toMatchObject({ outcome: "restored" });
    expect(await receiveIpn(cancel)).toMatchObject({ outcome: "duplicate" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).toMatchObject({ credits: 100, flagged: false });
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId } })).toMatchObject({ status: "completed" });
    expect(await prisma.ledgerEntry.findMany({ where: { reference: `paypal:${txnId}` }, orderBy: { id: "asc" }, select: { kind: true, delta: true } })).toEqual([
      { kind: "purchase", delta: 600 }, { kind: "reversal", delta: -600 }, { kind: "canceled_reversal", delta: 600 },
    ]);
  });

  it("refuses a refund of a transaction this site never credited", async () => {
    const { ipn } = await buyer();
    expect(await receiveIpn(ipn(followUp("Refunded", paypalId(), "-10.00")))).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("is not a purchase") });
  });

  it("applies the same reversal sent three times at once once", async () => {
    const { viewer, txnId, ipn } = await bought();
    const body = ipn(followUp("Reversed", txnId, "-10.00"));
    const results = await Promise.all([1, 2, 3].map(() => receiveIpn(body)));
    expect(results.map((r) => r.outcome).sort()).toEqual(["duplicate", "duplicate", "reversed"]);
    expect(await creditsOf(viewer.id)).toBe(0);
  });
});
