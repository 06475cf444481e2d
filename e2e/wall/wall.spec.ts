import { expect, test } from "@playwright/test";
import { createPerformer, setStatusSilently } from "../room/db";

test("the wall lists the performers, online first, with status colours and rates", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("performer-card");
  // The 8 demo performers, plus any that parallel tests create for themselves.
  await expect(cards.locator('[href="/performers/ava-rose"]')).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(8);
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

test("the site has an icon: no 404 for /favicon.ico, and pages link one", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\//);
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await request.get(href!)).status()).toBe(200);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("performer names are shown whole on the two-column wall", async ({ page }) => {
    await page.goto("/");
    const name = page.getByTestId("performer-card").locator('[href="/performers/zoe-quinn"]').getByText("Zoe Quinn", { exact: true });
    await expect(name).toBeVisible();
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  test("the wall fits the screen without sideways scrolling", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("performer-card").first()).toBeVisible();
    expect(await page.getByTestId("performer-card").count()).toBeGreaterThanOrEqual(8);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("live", () => {
  test("after the live connection drops, the wall says it is reconnecting, then catches up with what it missed", async ({ page, context }) => {
    const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
    // Keeps a handle on the page's EventSources, to cut the live connection like a network drop
    // would (the browser's offline mode leaves an open stream alone).
    await page.addInitScript(() => {
      const Native = window.EventSource;
      const opened: EventSource[] = [];
      (window as unknown as { __dropStreams: () => void }).__dropStreams = () => {
        for (const source of opened.splice(0)) {
          source.close();
          source.dispatchEvent(new Event("error"));
        }
      };
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          opened.push(this);
        }
      };
    });
    await page.goto("/");
    const status = page.locator(`[data-testid="performer-card"][data-slug="${performer.slug}"]`).getByTestId("status");
    await expect(status).toHaveAttribute("data-status", "offline");
    await expect(page.getByTestId("stream-state")).toHaveAttribute("data-state", "open");

    // The stream breaks, and cannot come back while the network is down.
    await context.setOffline(true);
    await page.evaluate(() => (window as unknown as { __dropStreams: () => void }).__dropStreams());
    await expect(page.getByTestId("stream-state")).toHaveText("Reconnecting…", { timeout: 10_000 });
    // Meanwhile the performer goes online with no event the page could receive.
    await setStatusSilently(performer.id, "online");
    await context.setOffline(false);
    await expect(status).toHaveAttribute("data-status", "online", { timeout: 15_000 });
    await expect(page.getByTestId("stream-state")).toHaveAttribute("data-state", "open");
    await expect(page.getByTestId("stream-state")).toHaveText("");
  });
});
