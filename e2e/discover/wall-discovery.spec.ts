import { expect, test } from "@playwright/test";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "../room/db";
import { setTags } from "./db";

test("a viewer finds a performer by name and by tag", async ({ page }) => {
  const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
  const tag = `e2e-${performer.slug.slice(-8)}`;
  await setTags(performer.id, [tag, "music"]);

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search performers by name" }).fill(performer.displayName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.getByTestId("performer-card")).toHaveCount(1);
  await expect(page.getByTestId("performer-card")).toContainText(performer.displayName);
  await expect(page.getByTestId("wall-total")).toHaveText("1 performer found");

  await page.goto(`/?tag=${tag}`);
  await expect(page.getByTestId("performer-card")).toHaveCount(1);
  await expect(page.getByTestId("performer-card")).toContainText(`#${tag}`);

  await page.goto("/");
  await page.getByRole("navigation", { name: "Filter by tag" }).getByRole("link", { name: "#music" }).click();
  await expect(page).toHaveURL(/tag=music/);
  await expect(page.locator('[data-testid="performer-card"][data-slug="mia-bell"]')).toBeVisible();
  await expect(page.locator('[data-testid="performer-card"][data-slug="ava-rose"]')).toHaveCount(0);

  await page.goto("/?q=no-such-performer-anywhere");
  await expect(page.getByTestId("wall-empty")).toContainText("No performer matches");
  await page.getByTestId("wall-empty").getByRole("link", { name: "Show everyone" }).click();
  await expect(page.getByTestId("performer-card").first()).toBeVisible();
});

test("a followed performer going live tells the viewer on any page, and shows under Following", async ({ browser }) => {
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const viewer = await createViewer({ credits: 10 });
  const viewerContext = await browser.newContext();
  const page = await viewerContext.newPage();
  await logIn(page, viewer.email);
  await page.goto(`/performers/${performer.slug}`);
  await page.getByRole("button", { name: `Follow ${performer.displayName}` }).click();
  await expect(page.getByRole("button", { name: `Unfollow ${performer.displayName}` })).toHaveAttribute("aria-pressed", "true");

  await page.goto("/");
  await page.getByTestId("filter-following").click();
  await expect(page.getByTestId("performer-card")).toHaveCount(1);
  await expect(page.getByTestId("performer-card")).toHaveAttribute("data-slug", performer.slug);

  await page.goto("/account");
  const performerContext = await browser.newContext();
  const studio = await performerContext.newPage();
  await logIn(studio, performer.email);
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();

  const notice = page.getByTestId("live-notice");
  await expect(notice).toContainText(`${performer.displayName} is live now`, { timeout: 15_000 });
  await notice.getByRole("link", { name: "Watch" }).click();
  await expect(page).toHaveURL(new RegExp(`/performers/${performer.slug}$`));
  await viewerContext.close();
  await performerContext.close();
});

test("a live card shows how many watch and a snapshot of the performer's camera", async ({ browser, page }) => {
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const viewer = await createViewer({ credits: 10 });
  const performerContext = await browser.newContext();
  const studio = await performerContext.newPage();
  await logIn(studio, performer.email);
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(studio.getByTestId("camera-preview")).toBeVisible();

  const viewerContext = await browser.newContext();
  const room = await viewerContext.newPage();
  await logIn(room, viewer.email);
  await room.goto(`/performers/${performer.slug}`);

  await page.goto(`/?q=${encodeURIComponent(performer.displayName)}`);
  const card = page.locator(`[data-testid="performer-card"][data-slug="${performer.slug}"]`);
  await expect(card.getByTestId("viewer-count")).toContainText("1", { timeout: 15_000 });
  // The studio sends its first snapshot a few seconds after the camera starts.
  await expect(async () => {
    await page.reload();
    await expect(card.getByRole("img", { name: `Live snapshot of ${performer.displayName}` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const src = await card.getByRole("img").getAttribute("src");
  expect(src).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
  expect((await page.request.get(src!)).headers()["content-type"]).toBe("image/jpeg");
  await viewerContext.close();
  await performerContext.close();
});
