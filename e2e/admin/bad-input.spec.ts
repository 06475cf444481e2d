import { expect as baseExpect, test } from "@playwright/test";
import { adminPage } from "./admin-helpers";

// Item 8 of issue 9 against the production build: hostile URLs answer 404 or a page, never a 5xx, and a
// photo over the limit gets a field error naming the limit instead of a failed request.
// (test/integration/bad-input-pages.test.ts runs the large matrix against the same code directly.)

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const URLS = [
  "/performers/%00", "/performers/a%00b", `/performers/${"x".repeat(3000)}`, "/performers/..%2F..%2Fetc%2Fpasswd",
  "/admin/users?q=%00", "/admin/users?q=%00%01&page=99999999999", "/admin/users?page=1e3", "/admin/users/99999999999", "/admin/users/%00",
  "/admin/users/1e3", "/admin/users/-1", "/admin/performers/99999999999", "/admin/performers?page=%00", "/admin/packs/99999999999",
  "/admin/purchases/99999999999", "/admin/purchases?user=%00&from=%00&to=0001-01-01", "/admin/purchases?from=0001-01-01&to=9999-12-31",
  "/admin/purchases/messages?txn=%00&outcome=%00", "/admin/reports?from=0001-01-01&to=9999-12-31", "/admin/reports?performerId=99999999999",
  "/admin/reports?performerId=%00&from=%00", "/admin/reports/csv?performerId=99999999999&from=2030-01-01&to=2030-01-31",
  "/admin/reports/csv?performerId=1&from=0001-01-01&to=9999-12-31", "/uploads/%00", "/uploads/..%2F..%2Fpackage.json",
];

test("hostile URLs never answer 5xx; a year-1-to-9999 report answers at once with a message", async ({ browser }) => {
  const page = await adminPage(browser);
  const failures: string[] = [];
  for (const url of URLS) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`${url}: ${response.status()}`);
  }
  expect(failures).toEqual([]);
  const started = Date.now();
  await page.goto("/admin/reports?from=0001-01-01&to=9999-12-31");
  await expect(page.getByRole("alert").filter({ hasText: "between 2000-01-01 and 2099-12-31" })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(15_000);
  await page.context().close();
});

test("a 7 MB photo gets a field error with the limit, and nothing is sent", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/admin/performers");
  await page.getByTestId("admin-performer-row").first().getByRole("link").first().click();
  await expect(page.getByLabel("Add a photo")).toBeVisible();
  const actionRequests: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") actionRequests.push(request.url());
  });
  await page.getByLabel("Add a photo").setInputFiles({ name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(7 * 1024 * 1024, 7) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("At most 5 MB; this file is 7 MB.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "too large" })).toBeVisible();
  expect(actionRequests).toEqual([]);
  await page.context().close();
});
