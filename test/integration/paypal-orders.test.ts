import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { captureOrder } from "@/lib/server/paypal/capture-order";
import { createOrder } from "@/lib/server/paypal/create-order";
import { receiveIpn } from "@/lib/server/paypal/receive-ipn";
import { ipnBody, ipnFields, startFakePaypal } from "@/test/fakes/fake-paypal";
import { createViewer } from "@/test/helpers/factories";
import { createPack, creditsOf, expectLedgerMatchesBalances } from "@/test/helpers/paypal";

// Orders v2 (Smart Buttons) on real PostgreSQL, the site talking to the fake PayPal over HTTP.
const fake = await startFakePaypal();
Object.assign(process.env, fake.env(), { PAYPAL_MODE: "sandbox" });
afterAll(() => fake.close());
afterEach(() => expectLedgerMatchesBalances());

const createCalls = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/checkout/orders");

async function buyer(credits = 0) {
  const [viewer, pack] = await Promise.all([createViewer({ credits }), createPack({ price: "10.00", seconds: 600 })]);
  return { viewer, pack };
}

describe("createOrder", () => {
  it("creates the order at the pack's price from the database, with a PayPal-Request-Id, and stores it", async () => {
    const { viewer, pack } = await buyer();
    const order = await createOrder({ userId: viewer.id, itemId: pack.id });
    expect(order).toEqual({ id: expect.stringMatching(/^[A-Z0-9]{17}$/), itemId: pack.id, amount: "10.00", currency: "USD" });
    const call = createCalls().at(-1)!;
    expect(call.headers["paypal-request-id"]).toMatch(/^ppv-order-[0-9a-f]{48}$/);
    expect(call.headers.authorization).toMatch(/^Bearer /);
    expect(JSON.parse(call.body)).toMatchObject({ intent: "CAPTURE", purchase_units: [{ amount: { currency_code: "USD", value: "10.00" }, custom_id: String(viewer.id) }] });
    const stored = await prisma.paypalOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored).toMatchObject({ userId: viewer.id, itemId: pack.id, currency: "USD", status: "CREATED", requestId: call.headers["paypal-request-id"] });
    expect(stored.amount.toFixed(2)).toBe("10.00");
  });

  it("gives a retried call the same order, even when the first answer never reached the database", async () => {
    const { viewer, pack } = await buyer();
    const first = await createOrder({ userId: viewer.id, itemId: pack.id });
    expect(await createOrder({ userId: viewer.id, itemId: pack.id })).toEqual(first);
    await prisma.paypalOrder.delete({ where: { id: first.id } });
    const before = createCalls().length;
    expect((await createOrder({ userId: viewer.id, itemId: pack.id })).id).toBe(first.id);
    const calls = createCalls().slice(before - 1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers["paypal-request-id"]).toBe(calls[0]!.headers["paypal-request-id"]);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createOrder({ userId: viewer.id, itemId: pack.id })));
    expect(new Set([a!.id, b!.id, c!.id, first.id]).size).toBe(1);
  });

  it("makes a new order for another pack, and for the next purchase of the same pack", async () => {
    const { viewer, pack } = await buyer();
    const other = await createPack({ price: "20.00", seconds: 1500 });
    const first = await createOrder({ userId: viewer.id, itemId: pack.id });
    expect((await createOrder({ userId: viewer.id, itemId: other.id })).id).not.toBe(first.id);
    await captureOrder({ userId: viewer.id, orderId: first.id });
    expect((await createOrder({ userId: viewer.id, itemId: pack.id })).id).not.toBe(first.id);
  });

  it("refuses an unknown pack (404) and a pack no longer on sale (422) without calling PayPal", async () => {
    const { viewer } = await buyer();
    const inactive = await createPack({ active: false });
    const before = createCalls().length;
    await expect(createOrder({ userId: viewer.id, itemId: 987_654 })).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(createOrder({ userId: viewer.id, itemId: inactive.id })).rejects.toMatchObject({ code: "invalid_request", status: 422 });
    expect(createCalls()).toHaveLength(before);
  });

  it("reuses one OAuth token across calls", async () => {
    const { viewer, pack } = await buyer();
    await createOrder({ userId: viewer.id, itemId: pack.id });
    const tokens = fake.tokensIssued();
    const second = await createPack({ price: "2.00", seconds: 100 });
    await createOrder({ userId: viewer.id, itemId: second.id });
    expect(fake.tokensIssued()).toBe(tokens);
    expect(tokens).toBe(1);
  });
});

describe("captureOrder", () => {
  async function approved(credits = 0) {
    const setup = await buyer(credits);
    const order = await createOrder({ userId: setup.viewer.id, itemId: setup.pack.id });
    return { ...setup, order };
  }

  it("captures, checks and credits the pack once, with the capture as the purchase", async () => {
    const { viewer, pack, order } = await approved(40);
    const result = await captureOrder({ userId: viewer.id, orderId: order.id });
    expect(result).toEqual({ orderId: order.id, txnId: expect.stringMatching(/^[A-Z0-9]{17}$/), status: "credited", credits: 600, balance: 640 });
    const call = fake.requests.find((r) => r.path === `/v2/checkout/orders/${order.id}/capture`)!;
    expect(call.headers["paypal-request-id"]).toBe(`ppv-capture-${order.id}`);
    const purchase = await prisma.purchase.findUniqueOrThrow({ where: { txnId: result.txnId } });
    expect(purchase).toMatchObject({ userId: viewer.id, itemId: pack.id, credits: 600, status: "completed", source: "orders", orderId: order.id });
    expect(JSON.parse(purchase.log)).toMatchObject({ id: order.id, status: "COMPLETED" });
    expect(await prisma.ledgerEntry.findMany({ where: { userId: viewer.id, kind: "purchase" } })).toMatchObject([
      { delta: 600, balanceAfter: 640, idempotencyKey: `paypal:${result.txnId}` },
    ]);
    expect(await prisma.paypalOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "COMPLETED" });
    expect(await prisma.paypalMessage.findFirst({ where: { source: "orders", txnId: result.txnId } })).toMatchObject({ verification: "api", outcome: "credited" });
  });

  it("credits once when captured twice, or three times at once", async () => {
    const { viewer, order } = await approved();
    const results = await Promise.all([1, 2, 3].map(() => captureOrder({ userId: viewer.id, orderId: order.id })));
    expect(results.map((r) => r.status).sort()).toEqual(["already_credited", "already_credited", "credited"]);
    expect(new Set(results.map((r) => r.txnId)).size).toBe(1);
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "already_credited", balance: 600 });
    expect(await creditsOf(viewer.id)).toBe(600);
  });

  it("credits once when the IPN of the same transaction arrives too", async () => {
    const { viewer, pack, order } = await approved();
    const { txnId } = await captureOrder({ userId: viewer.id, orderId: order.id });
    const ipn = ipnBody(ipnFields({ txn_id: txnId, custom: String(viewer.id), item_number: String(pack.id), txn_type: "express_checkout" }));
    expect(await receiveIpn(ipn)).toMatchObject({ outcome: "duplicate" });
    expect(await creditsOf(viewer.id)).toBe(600);
  });

  it("credits once when the IPN arrives first and the capture answer second", async () => {
    const { viewer, pack, order } = await approved();
    fake.failNextCapture({ kind: "lost" });
    await expect(captureOrder({ userId: viewer.id, orderId: order.id })).rejects.toMatchObject({ code: "paypal_unavailable", status: 502 });
    const txnId = fake.orders.get(order.id)!.capture!.id;
    expect(await receiveIpn(ipnBody(ipnFields({ txn_id: txnId, custom: String(viewer.id), item_number: String(pack.id) })))).toMatchObject({ outcome: "credited" });
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "already_credited", txnId, balance: 600 });
    expect(await creditsOf(viewer.id)).toBe(600);
    expect((await createOrder({ userId: viewer.id, itemId: pack.id })).id).not.toBe(order.id);
  });

  it("reads back an order already captured elsewhere (ORDER_ALREADY_CAPTURED) and credits it", async () => {
    const { viewer, order } = await approved();
    const token = (await (await fetch(`${fake.url}/v1/oauth2/token`, {
      method: "POST", body: "grant_type=client_credentials",
      headers: { authorization: `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString("base64")}` },
    })).json()) as { access_token: string };
    const direct = await fetch(`${fake.url}/v2/checkout/orders/${order.id}/capture`, { method: "POST", headers: { authorization: `Bearer ${token.access_token}` } });
    expect(direct.status).toBe(201);
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "credited", balance: 600 });
    expect(fake.requests.some((r) => r.method === "GET" && r.path === `/v2/checkout/orders/${order.id}`)).toBe(true);
  });

  it("lets only the order's owner capture it (404 for anyone else) and credits no one", async () => {
    const { viewer, order } = await approved();
    const other = await createViewer();
    await expect(captureOrder({ userId: other.id, orderId: order.id })).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(captureOrder({ userId: other.id, orderId: "NOSUCHORDER000000" })).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect(fake.orders.get(order.id)!.status).toBe("CREATED");
    expect(await creditsOf(other.id)).toBe(0);
    expect(await creditsOf(viewer.id)).toBe(0);
  });

  it.each([
    ["a wrong amount", { kind: "amount", value: "1.00" }, "captured amount 1.00"],
    ["a wrong currency", { kind: "currency", currency: "EUR" }, "captured currency EUR"],
    ["another payee", { kind: "payee", email: "thief@example.com" }, "payee thief@example.com"],
  ] as const)("refuses a capture with %s and credits nothing", async (_name, failure, reason) => {
    const { viewer, order } = await approved();
    fake.failNextCapture(failure);
    await expect(captureOrder({ userId: viewer.id, orderId: order.id })).rejects.toMatchObject({ code: "payment_mismatch", status: 409 });
    expect(await creditsOf(viewer.id)).toBe(0);
    expect(await prisma.purchase.count({ where: { orderId: order.id } })).toBe(0);
    expect(await prisma.paypalOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "REFUSED" });
    expect(await prisma.paypalMessage.findFirst({ where: { source: "orders", outcome: "rejected" }, orderBy: { id: "desc" } })).toMatchObject({ reason: expect.stringContaining(reason) });
    await expect(captureOrder({ userId: viewer.id, orderId: order.id })).rejects.toMatchObject({ code: "payment_mismatch" });
  });

  it("reports a declined payment (402), credits nothing, and lets the buyer try the same order again", async () => {
    const { viewer, order } = await approved();
    fake.failNextCapture({ kind: "declined" });
    await expect(captureOrder({ userId: viewer.id, orderId: order.id })).rejects.toMatchObject({ code: "payment_declined", status: 402 });
    expect(await creditsOf(viewer.id)).toBe(0);
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "credited", balance: 600 });
  });

  it("answers 502 when PayPal fails, and a retry after that credits once", async () => {
    const { viewer, order } = await approved();
    fake.failNextCapture({ kind: "error" });
    await expect(captureOrder({ userId: viewer.id, orderId: order.id })).rejects.toMatchObject({ code: "paypal_unavailable", status: 502 });
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "credited", balance: 600 });
  });

  it("reads a pending capture again when the buyer retries, and credits it once it completed", async () => {
    const { viewer, order } = await approved();
    fake.failNextCapture({ kind: "pending" });
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "pending", balance: 0 });
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "pending", balance: 0 });
    fake.completeCapture(order.id);
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "credited", balance: 600 });
    expect(fake.requests.filter((r) => r.path === `/v2/checkout/orders/${order.id}/capture`)).toHaveLength(1);
    expect(await prisma.purchase.findUniqueOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "completed" });
  });

  it("records a pending capture without credits and credits it when PayPal's IPN says Completed", async () => {
    const { viewer, order } = await approved();
    fake.failNextCapture({ kind: "pending" });
    const pending = await captureOrder({ userId: viewer.id, orderId: order.id });
    expect(pending).toMatchObject({ status: "pending", balance: 0 });
    expect(await prisma.purchase.findUniqueOrThrow({ where: { txnId: pending.txnId } })).toMatchObject({ status: "pending", orderId: order.id });
    // PayPal's IPN for an Orders payment names neither our pack nor our user: the pending row does.
    const ipn = ipnBody(ipnFields({ txn_id: pending.txnId, custom: undefined, item_number: undefined, txn_type: "express_checkout" }));
    expect(await receiveIpn(ipn)).toMatchObject({ outcome: "credited" });
    expect(await creditsOf(viewer.id)).toBe(600);
    expect(await captureOrder({ userId: viewer.id, orderId: order.id })).toMatchObject({ status: "already_credited", balance: 600 });
  });
});
