import { expect, test } from "@playwright/test";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "../room/db";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the history table fits the screen, credits column included", async ({ page }) => {
    const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
    const viewer = await createViewer({ credits: 300 });
    await logIn(page, viewer.email);
    await page.goto(`/performers/${performer.slug}`);
    await page.getByRole("button", { name: "Tip 10", exact: true }).click();
    await page.getByRole("button", { name: "Confirm tip" }).click();
    await expect(page.getByTestId("tip-notice")).toContainText("You tipped");
    await page.goto("/account");
    const table = page.getByRole("table");
    await expect(page.getByTestId("ledger-row").first()).toContainText("-10");
    expect(await table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    expect(await table.evaluate((el) => el.parentElement!.scrollWidth - el.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
    const credits = page.getByTestId("ledger-row").first().getByRole("cell").last();
    const box = (await credits.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  });
});
