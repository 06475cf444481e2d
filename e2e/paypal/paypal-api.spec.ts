import { expect, test } from "@playwright/test";
import { FAKE_PAYPAL_ENV, FAKE_PAYPAL_URL } from "./fake-paypal-env";
import { signUpNewViewer } from "../helpers";

// The PayPal routes over HTTP against the running site: JSON errors with proper 4xx for bad input, and
// the IPN route storing, answering 200, then verifying with the fake PayPal and crediting once.


test("the orders API refuses bad input with JSON 4xx errors", async ({ page, request, baseURL }) => {
  // What the site's own pages send (lib/http/same-site-request.ts); another origin is refused (e2e/security).
  const headers = { origin: new URL(baseURL!).origin };
  const anonymous = await request.post("/api/paypal/orders", { data: { itemId: 1 }, headers });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });

  await signUpNewViewer(page, "ipn");
  const api = page.request;
  const cases: [unknown, number, string][] = [
    [{ itemId: "1" }, 422, "invalid_request"],
    [{}, 422, "invalid_request"],
    [{ itemId: 987654 }, 404, "not_found"],
    [{ itemId: -1 }, 422, "invalid_request"],
  ];
  for (const [data, status, code] of cases) {
    const response = await api.post("/api/paypal/orders", { data, headers });
    expect(response.status(), JSON.stringify(data)).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
  }
  const malformed = await api.post("/api/paypal/orders", { data: Buffer.from("{not json"), headers: { ...headers, "content-type": "application/json" } });
  expect(malformed.status()).toBe(400);
  const unknownOrder = await api.post("/api/paypal/orders/NOSUCHORDER000000/capture", { data: {}, headers });
  expect(unknownOrder.status()).toBe(404);
  const badId = await api.post("/api/paypal/orders/not-an-id!/capture", { data: {}, headers });
  expect(badId.status()).toBe(422);
});

test("the IPN route stores, answers 200, verifies with PayPal and credits once", async ({ page, request }) => {
  await signUpNewViewer(page, "ipn");
  await page.goto("/credits");
  const form = page.locator("form", { has: page.getByRole("button", { name: /Buy 600 credits/ }) });
  const userId = await form.locator('input[name="custom"]').getAttribute("value");
  const itemId = await form.locator('input[name="item_number"]').getAttribute("value");
  const txnId = `E2E${Date.now()}`.padEnd(17, "0").slice(0, 17);
  const body = new URLSearchParams({
    mc_gross: "10.00", payment_status: "Completed", charset: "UTF-8", custom: userId!, business: FAKE_PAYPAL_ENV.PAYPAL_RECEIVER_EMAIL,
    receiver_email: FAKE_PAYPAL_ENV.PAYPAL_RECEIVER_EMAIL, txn_id: txnId, txn_type: "web_accept", item_name: "600 credits for 10.00",
    mc_currency: "USD", item_number: itemId!, test_ipn: "1", payer_email: "buyer@example.com", quantity: "1", verify_sign: "AFcWxV21C7fd0v3bYYYRCpSSRl31A",
  }).toString();
  const headers = { "content-type": "application/x-www-form-urlencoded" };

  for (let i = 0; i < 2; i++) {
    const response = await request.post("/api/paypal/ipn", { data: body, headers });
    expect(response.status()).toBe(200);
  }
  await expect(async () => {
    await page.goto("/account");
    await expect(page.getByTestId("account-balance")).toHaveText("600", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // Both messages were verified with the exact body posted back; the second one credited nothing.
  const postbacks = async () => ((await (await request.get(`${FAKE_PAYPAL_URL}/__fake/postbacks`)).json()) as string[]);
  await expect.poll(async () => (await postbacks()).filter((b) => b === `cmd=_notify-validate&${body}`).length).toBe(2);
  await page.reload();
  await expect(page.getByTestId("account-balance")).toHaveText("600");

  expect((await request.post("/api/paypal/ipn", { data: `${body}&memo=${"x".repeat(17 * 1024)}`, headers })).status()).toBe(413);
  expect((await request.post("/api/paypal/ipn", { data: body, headers: { "content-type": "text/plain" } })).status()).toBe(415);
  expect((await request.post("/api/paypal/ipn", { data: "a=b", headers })).status()).toBe(400);
  expect((await request.post("/api/paypal/ipn", { data: "", headers })).status()).toBe(400);
});
