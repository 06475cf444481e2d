import { expect, test, type Browser, type Page } from "@playwright/test";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "../room/db";

// A truthful studio: the status viewers see follows the studio's camera, and the studio's money
// (tips, earnings) follows what happens in the room without a reload.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

const cardStatus = (page: Page, slug: string) => page.locator(`[data-testid="performer-card"][data-slug="${slug}"]`).getByTestId("status");

test("a reloaded studio has its camera off, and viewers see the performer offline within seconds", async ({ browser }) => {
  test.setTimeout(60_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const [studio, wall] = await Promise.all([signedIn(browser, performer.email), (await browser.newContext()).newPage()]);
  await wall.goto("/");
  await expect(wall.getByTestId("stream-state")).toHaveAttribute("data-state", "open");
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(cardStatus(wall, performer.slug)).toHaveAttribute("data-status", "online", { timeout: 10_000 });

  await studio.reload();
  await expect(studio.getByRole("button", { name: "Go live" })).toBeVisible();
  await expect(cardStatus(wall, performer.slug)).toHaveAttribute("data-status", "offline", { timeout: 5_000 });
  await expect(studio.getByTestId("status")).toHaveAttribute("data-status", "offline");
});

test("a studio whose connection drops goes offline for viewers, and comes back when it returns", async ({ browser }) => {
  test.setTimeout(90_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const [studio, wall] = await Promise.all([signedIn(browser, performer.email), (await browser.newContext()).newPage()]);
  await wall.goto("/");
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(cardStatus(wall, performer.slug)).toHaveAttribute("data-status", "online", { timeout: 5_000 });

  // The studio's beats stop reaching the site; the camera itself is still on.
  await studio.route("**/api/studio/camera", (route) => route.abort());
  await expect(cardStatus(wall, performer.slug)).toHaveAttribute("data-status", "offline", { timeout: 30_000 });
  await studio.unroute("**/api/studio/camera");
  await expect(cardStatus(wall, performer.slug)).toHaveAttribute("data-status", "online", { timeout: 10_000 });
});

test("tips and earnings reach the studio live, and the studio counts viewers once", async ({ browser }) => {
  test.setTimeout(60_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const viewer = await createViewer({ credits: 500 });
  const [studio, room] = await Promise.all([signedIn(browser, performer.email), signedIn(browser, viewer.email)]);
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(studio.getByTestId("status")).toHaveAttribute("data-status", "online");
  await expect(studio.getByText("No tips yet.")).toBeVisible();

  await room.goto(`/performers/${performer.slug}`);
  await expect(studio.getByTestId("viewer-count")).toHaveText("1 viewer watching");
  await room.getByRole("button", { name: "Tip 25" }).click();
  await room.getByRole("button", { name: "Confirm tip" }).click();
  await expect(studio.getByTestId("recent-tip")).toContainText(`${viewer.username} tipped 25 credits`, { timeout: 5_000 });
  await expect(studio.getByTestId("earn-tips")).toHaveText("1");
  await expect(studio.getByTestId("earn-credits")).toHaveText("25");
  // One count of the audience on the page, not a second one from the video connections.
  await expect(studio.getByText(/\d+ viewers? watching/)).toHaveCount(1);
});
