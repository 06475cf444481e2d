import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, logIn } from "../helpers";

// Every page carries the security headers, and with a nonce-only script policy the pages still run:
// no CSP violation on the wall, a room, the studio, the admin and buy-credits pages.

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

test("pages answer with a nonce CSP, frame-ancestors, nosniff and a referrer policy; no HSTS over http", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/login", "/signup", "/performers/ava-rose", "/credits", "/no-such-page"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = directives(headers["content-security-policy"] ?? "");
    const scripts = csp.get("script-src") ?? [];
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(csp.get("object-src"), path).toEqual(["'none'"]);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["strict-transport-security"], path).toBeUndefined();
    // Next put the same nonce on its scripts.
    if (response.status() === 200) expect(await response.text(), path).toContain(`nonce="${nonce!.slice(7, -1)}"`);
  }
  expect(nonces.size).toBe(6);
  const api = await request.get("/api/chat/v1/openapi.json");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return problems;
}

test("the wall, a room and buy-credits run without CSP violations for a viewer", async ({ page }) => {
  const problems = await watchCsp(page);
  const fakeSdk = readFileSync("test/fakes/fake-paypal-sdk.js", "utf8");
  await page.route("https://www.paypal.com/sdk/js**", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: fakeSdk }));
  await logIn(page, DEMO.viewer);
  await expect(page.getByTestId("performer-card").first()).toBeVisible();

  await page.goto("/performers/max-rivers");
  await expect(page.getByTestId("chat-log")).toBeVisible();
  // The line comes back over the room's event stream once it is connected: the page's scripts all ran.
  const line = `csp check ${Date.now()}`;
  await expect(async () => {
    await page.getByRole("textbox", { name: /message/i }).fill(line);
    await page.getByRole("textbox", { name: /message/i }).press("Enter");
    await expect(page.getByTestId("chat-log")).toContainText(line, { timeout: 2_500 });
  }).toPass({ timeout: 20_000 });

  await page.goto("/credits");
  await page.getByRole("radio").first().check();
  await expect(page.getByRole("button", { name: "Pay with PayPal" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("the studio and the admin run without CSP violations", async ({ browser }) => {
  // Two sign-ins (bcrypt) and two full pages: slow on a loaded two-core machine.
  test.slow();
  for (const [email, path, ready] of [
    [DEMO.performer, "/studio", "no-requests"],
    [DEMO.admin, "/admin/reports", null],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchCsp(page);
    await logIn(page, email);
    await page.goto(path);
    if (ready) await expect(page.getByTestId(ready)).toBeVisible();
    else await expect(page.locator("h1").first()).toBeVisible();
    expect(problems, path).toEqual([]);
    await context.close();
  }
});
