import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "./db";

// Phone first: the video at the top, full width, the money controls on the first screen; on a wide
// screen the chat sits beside the video. The same for the studio.

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

async function box(page: Page, testId: string) {
  const found = await page.getByTestId(testId).boundingBox();
  if (!found) throw new Error(`${testId} has no box`);
  return found;
}

/** Visible in the viewport as it is, without scrolling. */
async function inFirstScreen(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  await expect(button).toBeInViewport({ ratio: 1 });
}

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the room: video first and full width, chat under it, balance, tips and private show on the first screen", async ({ page }) => {
    const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
    const viewer = await createViewer({ credits: 300 });
    await logIn(page, viewer.email);
    await page.goto(`/performers/${performer.slug}`);
    await expect(page.getByTestId("viewer-count")).toBeVisible();
    const video = await box(page, "room-stage");
    expect(video.y).toBeLessThan(300);
    expect(video.x).toBeLessThanOrEqual(0);
    expect(video.width).toBeGreaterThanOrEqual(390);
    const chat = await box(page, "chat-log");
    expect(chat.y).toBeGreaterThan(video.y + video.height - 1);
    await inFirstScreen(page, "Request private show");
    await inFirstScreen(page, "Tip 10");
    await expect(page.getByTestId("room-balance")).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Chat arriving scrolls the chat, never the page away from the video.
    await page.evaluate(async (slug) => {
      for (let i = 0; i < 5; i++) {
        await fetch(`/api/rooms/${slug}/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: `line ${i}` }) });
      }
    }, performer.slug);
    await expect(page.getByTestId("chat-message")).toHaveCount(5);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Scrolled down to the chat's input, the bar is still at hand.
    await page.getByRole("textbox", { name: "Message" }).scrollIntoViewIfNeeded();
    await inFirstScreen(page, "Request private show");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the studio: camera first, then the money (requests and earnings) before the chat", async ({ page }) => {
    const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
    await logIn(page, performer.email);
    await page.goto("/studio");
    const camera = await box(page, "camera-preview");
    expect(camera.y).toBeLessThan(400);
    expect(camera.width).toBeGreaterThanOrEqual(358);
    await inFirstScreen(page, "Go live");
    const shows = await box(page, "performer-shows");
    const earnings = await box(page, "studio-earnings");
    expect(shows.y).toBeGreaterThan(camera.y);
    expect(earnings.y).toBeGreaterThan(camera.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("on a desktop (1280×800)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the room: chat beside the video, the controls on the first screen", async ({ page }) => {
    const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
    const viewer = await createViewer({ credits: 300 });
    await logIn(page, viewer.email);
    await page.goto(`/performers/${performer.slug}`);
    await expect(page.getByTestId("viewer-count")).toBeVisible();
    const video = await box(page, "room-stage");
    const chat = await box(page, "chat-log");
    expect(video.y).toBeLessThan(200);
    expect(chat.x).toBeGreaterThan(video.x + video.width - 1);
    expect(chat.y).toBeLessThan(video.y + video.height);
    await inFirstScreen(page, "Request private show");
    await inFirstScreen(page, "Tip 10");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the studio: camera and requests side by side, earnings on the first screen", async ({ page }) => {
    const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
    await logIn(page, performer.email);
    await page.goto("/studio");
    const camera = await box(page, "camera-preview");
    const shows = await box(page, "performer-shows");
    expect(camera.y).toBeLessThan(250);
    expect(shows.x).toBeGreaterThan(camera.x + camera.width - 1);
    await inFirstScreen(page, "Go live");
    await expect(page.getByTestId("studio-earnings")).toBeInViewport();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
