import { expect, test } from "@playwright/test";

test("the wall lists the performers, online first, with status colours and rates", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("performer-card");
  await expect(cards).toHaveCount(8);
  const statuses = await page.getByTestId("status").evaluateAll((els) => els.map((el) => el.getAttribute("data-status")));
  expect(statuses.indexOf("offline")).toBeGreaterThan(statuses.lastIndexOf("online"));
  await expect(cards.first().getByText(/credits \/ min/)).toBeVisible();
  const photo = cards.first().getByRole("img");
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test("a card opens the performer's room with the chat slot", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("performer-card").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/performers\//);
  await expect(page.getByTestId("chat-slot")).toBeVisible();
});

test("an unknown room is a 404", async ({ page }) => {
  expect((await page.goto("/performers/nobody-here"))?.status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the wall fits the screen without sideways scrolling", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("performer-card")).toHaveCount(8);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
