import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, logIn, signUpNewViewer } from "../helpers";
import { FAKE_PAYPAL_ENV } from "./fake-paypal-env";

// Buying credits with the PayPal buttons, end to end: the browser gets a fake PayPal SDK (page.route),
// the site's server talks to the fake PayPal over HTTP (playwright.config.ts). Each test signs up a
// viewer of its own, so parallel tests spending the demo viewers' credits cannot change what it sees.

const FAKE_SDK = readFileSync("test/fakes/fake-paypal-sdk.js", "utf8");

async function serveFakeSdk(page: Page): Promise<string[]> {
  const loaded: string[] = [];
  await page.route("https://www.paypal.com/sdk/js**", (route) => {
    loaded.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "application/javascript", body: FAKE_SDK });
  });
  return loaded;
}


test("a viewer buys the 600-credit pack with the PayPal buttons and sees the new balance at once", async ({ page }) => {
  const sdkUrls = await serveFakeSdk(page);
  await signUpNewViewer(page, "buyer");
  await page.getByRole("link", { name: "Buy credits" }).click();
  await expect(page).toHaveURL("/credits");
  await expect(page.getByTestId("credits-balance")).toHaveText("0");
  await page.getByRole("radio", { name: /600 credits — 10\.00 USD/ }).check();
  await page.getByRole("button", { name: "Pay with PayPal" }).click();
  const checkout = page.getByRole("dialog", { name: "PayPal checkout (fake)" });
  await expect(checkout).toBeVisible();
  await checkout.getByRole("button", { name: "Approve payment" }).click();

  await expect(page.getByTestId("checkout-notice")).toHaveText("Thank you! 600 credits were added to your balance.");
  await expect(page.getByTestId("credits-balance")).toHaveText("600");
  await expect(page.getByTestId("header-credits")).toHaveText("600");
  expect(sdkUrls[0]).toContain(`client-id=${FAKE_PAYPAL_ENV.PAYPAL_CLIENT_ID}`);
  expect(sdkUrls[0]).toContain("currency=USD");

  // What the database says, through the account page: the balance and one purchase in the history.
  await page.goto("/account");
  await expect(page.getByTestId("account-balance")).toHaveText("600");
  await expect(page.getByTestId("ledger-row")).toHaveCount(1);
  await expect(page.getByTestId("ledger-row").first()).toContainText("Credits bought");
  await expect(page.getByTestId("ledger-row").first()).toContainText("+600");
});

test("cancelling in PayPal shows a message and changes nothing", async ({ page }) => {
  await serveFakeSdk(page);
  await signUpNewViewer(page, "buyer");
  await page.goto("/credits");
  await page.getByRole("button", { name: "Pay with PayPal" }).click();
  await page.getByRole("dialog", { name: "PayPal checkout (fake)" }).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("checkout-notice")).toHaveText("Payment cancelled. Nothing was charged and your balance is unchanged.");
  await expect(page.getByTestId("credits-balance")).toHaveText("0");
  await page.reload();
  await expect(page.getByTestId("credits-balance")).toHaveText("0");
  await expect(page.getByTestId("header-credits")).toHaveText("0");
});

test("the classic buy-now form names PayPal, our receiver, the pack, the user and our IPN URL", async ({ page, baseURL }) => {
  await serveFakeSdk(page);
  await signUpNewViewer(page, "buyer");
  await page.goto("/credits");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Buy 600 credits for 10.00 USD on PayPal.com" }) });
  await expect(form).toHaveAttribute("action", "https://www.sandbox.paypal.com/cgi-bin/webscr");
  const value = (name: string) => form.locator(`input[name="${name}"]`).getAttribute("value");
  expect(await value("cmd")).toBe("_xclick");
  expect(await value("business")).toBe(FAKE_PAYPAL_ENV.PAYPAL_RECEIVER_EMAIL);
  expect(await value("amount")).toBe("10.00");
  expect(await value("notify_url")).toBe(`${baseURL}/api/paypal/ipn`);
  expect(Number(await value("custom"))).toBeGreaterThan(0);
});

test("choosing a pack shows what it costs and offers one way to pay for that pack, right under the choice", async ({ page }) => {
  await serveFakeSdk(page);
  await signUpNewViewer(page, "buyer");
  await page.goto("/credits");
  await expect(page.getByTestId("chosen-pack")).toHaveText("You pay 10.00 USD for 600 credits.");
  await page.getByRole("radio", { name: /1500 credits — 20\.00 USD/ }).check();
  await expect(page.getByTestId("chosen-pack")).toHaveText("You pay 20.00 USD for 1500 credits.");
  // One classic button, for the chosen pack: not the whole list again further down.
  const classic = page.getByRole("button", { name: /on PayPal\.com$/ });
  await expect(classic).toHaveCount(1);
  await expect(classic).toHaveAccessibleName("Buy 1500 credits for 20.00 USD on PayPal.com");
  await expect(page.locator("form", { has: classic }).locator('input[name="amount"]')).toHaveAttribute("value", "20.00");
  const chosen = (await page.getByTestId("chosen-pack").boundingBox())!;
  const pay = (await page.getByRole("button", { name: "Pay with PayPal" }).boundingBox())!;
  expect(pay.y).toBeGreaterThan(chosen.y);
  expect(pay.y - (chosen.y + chosen.height)).toBeLessThan(150);
});

test("anonymous visitors are sent to log in, and performers may not buy", async ({ page }) => {
  await page.goto("/credits");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcredits/);
  await logIn(page, DEMO.performer);
  await page.goto("/credits");
  await expect(page).toHaveURL("/forbidden");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the credits page fits the screen", async ({ page }) => {
    await serveFakeSdk(page);
    await signUpNewViewer(page, "buyer");
    await page.goto("/credits");
    await expect(page.getByRole("button", { name: "Pay with PayPal" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
