import { expect as baseExpect, test } from "@playwright/test";
import { adminPage } from "./admin-helpers";

// Server actions and sign-ups (bcrypt) are slow on a busy 2-core machine: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

// Mia Bell (demo data) has a tip and a private show a few days ago and no other spec pays her.
test("the report shows the demo tip, the CSV has the screen's rows, and mark paid leaves nothing owed", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/admin/reports");
  await expect(page.getByTestId("chart-revenue-per-day").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("top-performers")).toContainText("Mia Bell");
  await page.getByLabel("Performer", { exact: true }).selectOption({ label: "Mia Bell" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("report-tips-count")).not.toHaveText("0");
  await expect(page.getByTestId("report-shows-count")).not.toHaveText("0");
  const rows = page.getByTestId("report-row");
  await expect(rows.filter({ hasText: "tip" }).first()).toBeVisible();
  const screenIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")!.textContent!.trim()));
  expect(screenIds.length).toBeGreaterThan(0);

  const csvHref = (await page.getByTestId("report-csv-link").getAttribute("href"))!;
  const csv = await page.request.get(csvHref);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,date,type,viewer,credits,seconds,price,performer_benefit,item,payout");
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(screenIds);

  const owed = (await page.getByTestId("report-owed").textContent())!;
  expect(Number(owed)).toBeGreaterThan(0);
  await page.getByLabel("Payment reference (optional)").fill("E2E transfer");
  await page.getByRole("button", { name: /^Mark .* paid$/ }).click();
  await expect(page.getByTestId("report-owed")).toHaveText("0.000");
  await expect(page.getByRole("button", { name: /^Mark .* paid$/ })).toHaveCount(0);
  await expect(page.getByTestId("report-payouts")).toContainText(owed);
  await expect(page.getByTestId("report-payouts")).toContainText("E2E transfer");
  const paidCsv = await (await page.request.get(csvHref)).text();
  expect(paidCsv.trimEnd().split("\r\n").slice(1).every((line) => /,\d+$/.test(line))).toBe(true);
  await page.context().close();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the admin pages fit the screen and the nav is reachable", async ({ browser }) => {
    const page = await adminPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of ["/admin/performers", "/admin/users", "/admin/reports", "/admin/settings"]) {
      await page.goto(route);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Packs" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/packs$/);
    await page.context().close();
  });
});
