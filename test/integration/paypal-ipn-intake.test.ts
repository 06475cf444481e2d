import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Item 6 of issue 9: 100 anonymous 60 KiB POSTs to /api/paypal/ipn were all stored, each causing a
// verification postback. What cannot be a PayPal IPN (size, content type, fields) is refused before
// it is stored, each address (and the whole site) is throttled, and messages PayPal never verified
// are deleted after IPN_RETENTION_DAYS.

const afterWork = vi.hoisted(() => ({ pending: [] as Promise<unknown>[] }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  after: (task: () => Promise<unknown>) => void afterWork.pending.push(task()),
}));

const { prisma } = await import("@/lib/db/prisma");
const { POST } = await import("@/app/api/paypal/ipn/route");
const { purgeUnverifiedIpn } = await import("@/lib/server/paypal/purge-unverified-ipn");
const { hitRateLimit } = await import("@/lib/server/rate-limit/hit-rate-limit");
const { ipnBody, ipnFields, startFakePaypal } = await import("@/test/fakes/fake-paypal");

const fake = await startFakePaypal();
Object.assign(process.env, fake.env(), { PAYPAL_MODE: "sandbox" });
afterAll(() => fake.close());
// Read after the fake's variables are set: loadEnv caches what it first sees.
const IPN_PER_ADDRESS_PER_MINUTE = (await import("@/lib/env")).loadEnv().IPN_RATE_LIMIT_PER_MINUTE;

// One fixed-minute window for the whole file, so a count never straddles two windows.
const frozenNow = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
vi.spyOn(Date, "now").mockReturnValue(frozenNow);

let addressCounter = 0;
let address: string;
beforeEach(() => {
  addressCounter += 1;
  address = `198.51.100.${addressCounter}`;
});

const FORM = "application/x-www-form-urlencoded";

function post(body: string | Uint8Array, { type = FORM, from = address }: { type?: string | null; from?: string } = {}): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": from });
  if (type !== null) headers.set("content-type", type);
  return POST(new Request("http://localhost/api/paypal/ipn", { method: "POST", headers, body: typeof body === "string" ? body : Buffer.from(body) }));
}

async function settle(): Promise<void> {
  await Promise.all(afterWork.pending.splice(0));
}

async function expectRefused(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
}

async function storedAndPostedBack<T>(work: () => Promise<T>): Promise<{ result: T; stored: number; postbacks: number }> {
  const [messagesBefore, postbacksBefore] = [await prisma.paypalMessage.count(), fake.postbacks.length];
  const result = await work();
  await settle();
  return { result, stored: (await prisma.paypalMessage.count()) - messagesBefore, postbacks: fake.postbacks.length - postbacksBefore };
}

describe("POST /api/paypal/ipn refuses what cannot be an IPN, before storing it", () => {
  it("100 anonymous 60 KiB posts: none stored, no postback", async () => {
    const big = `${ipnBody(ipnFields())}&memo=${"x".repeat(60 * 1024)}`;
    const { result, stored, postbacks } = await storedAndPostedBack(() => Promise.all(Array.from({ length: 100 }, () => post(big))));
    for (const response of result) expect([413, 429]).toContain(response.status);
    expect(result.filter((r) => r.status === 413).length).toBe(IPN_PER_ADDRESS_PER_MINUTE);
    await expectRefused(result.find((r) => r.status === 413)!, 413, "payload_too_large");
    expect(stored).toBe(0);
    expect(postbacks).toBe(0);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["JSON", "application/json"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["no content type", null],
  ])("refuses %s with 415", async (_name, type) => {
    const { result, stored, postbacks } = await storedAndPostedBack(() => post(ipnBody(ipnFields()), { type }));
    await expectRefused(result, 415, "unsupported_media_type");
    expect([stored, postbacks]).toEqual([0, 0]);
  });

  it.each([
    ["an empty body", ""],
    ["a form that is no IPN", "hello=world&a=b"],
    ["no verify_sign", ipnBody(ipnFields({ verify_sign: undefined }))],
    ["neither txn_type nor payment_status", ipnBody(ipnFields({ txn_type: undefined, payment_status: undefined }))],
    ["no receiver at all", ipnBody(ipnFields({ receiver_email: undefined, business: undefined, receiver_id: undefined }))],
    ["raw bytes that are not URL-encoded", `${ipnBody(ipnFields())}&memo=caf\u00e9 \u0000`],
    ["thousands of empty fields", `${ipnBody(ipnFields())}${"&".repeat(4000)}`],
  ])("refuses %s with 400", async (_name, body) => {
    const { result, stored, postbacks } = await storedAndPostedBack(() => post(body));
    await expectRefused(result, 400, "bad_request");
    expect([stored, postbacks]).toEqual([0, 0]);
  });

  it("accepts a real-looking IPN: 200, stored, posted back once", async () => {
    const body = ipnBody(ipnFields());
    const { result, stored, postbacks } = await storedAndPostedBack(() => post(body, { type: `${FORM}; charset=UTF-8` }));
    expect(result.status).toBe(200);
    expect([stored, postbacks]).toEqual([1, 1]);
    expect(fake.postbacks.at(-1)).toBe(`cmd=_notify-validate&${body}`);
  });
});

describe("IPN throttling", () => {
  it(`takes ${IPN_PER_ADDRESS_PER_MINUTE} a minute from one address, then answers 429 JSON with Retry-After; other addresses still get through`, async () => {
    const { result, stored } = await storedAndPostedBack(async () => {
      const responses: Response[] = [];
      for (let i = 0; i <= IPN_PER_ADDRESS_PER_MINUTE; i++) responses.push(await post(ipnBody(ipnFields())));
      return responses;
    });
    expect(result.slice(0, -1).map((r) => r.status)).toEqual(Array(IPN_PER_ADDRESS_PER_MINUTE).fill(200));
    const refused = result.at(-1)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await expectRefused(refused, 429, "too_many_requests");
    expect(stored).toBe(IPN_PER_ADDRESS_PER_MINUTE);
    expect((await post(ipnBody(ipnFields()), { from: "203.0.113.77" })).status).toBe(200);
    await settle();
  });

  it("hitRateLimit counts per key in fixed windows", async () => {
    const key = `test:${Math.random()}`;
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await hitRateLimit({ key, limit: 2, windowSeconds: 3600 }));
    expect(hits.map((h) => h.ok)).toEqual([true, true, false]);
    expect(hits[2]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(hits[2]!.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect((await hitRateLimit({ key: `${key}:other`, limit: 2, windowSeconds: 3600 })).ok).toBe(true);
    expect(await hitRateLimit({ key, limit: 2, windowSeconds: 3600, now: new Date(Date.now() + 2 * 3600_000) })).toMatchObject({ ok: true });
  });
});

describe("IPN retention", () => {
  it("deletes messages never verified once older than the retention; keeps verified ones and young ones", async () => {
    const now = frozenNow;
    const day = 86_400_000;
    const make = (verification: string, ageDays: number, source: "ipn" | "orders" = "ipn") =>
      prisma.paypalMessage.create({ data: { source, raw: "x=1", verification, receivedAt: new Date(now - ageDays * day) }, select: { id: true } });
    const oldInvalid = await make("INVALID", 31);
    const oldPending = await make("pending", 40);
    const oldVerified = await make("VERIFIED", 400);
    const youngInvalid = await make("INVALID", 29);
    const oldCapture = await make("pending", 40, "orders");
    const deleted = await purgeUnverifiedIpn({ olderThan: new Date(now - 30 * day), batch: 1 });
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = new Set((await prisma.paypalMessage.findMany({ select: { id: true } })).map((m) => m.id));
    expect(left.has(oldInvalid.id) || left.has(oldPending.id)).toBe(false);
    expect([oldVerified, youngInvalid, oldCapture].every((m) => left.has(m.id))).toBe(true);
  });
});
