import { expect, test, type Browser, type Page } from "@playwright/test";
import { logIn } from "../helpers";
import { balanceOf, createPerformer, createViewer, latestShow, putOnHold, tipsOf } from "./db";

// The built-in room end to end, with Chromium's fake camera: three people in three browser
// contexts at once, everything they see arriving live (SSE), and the money checked in the database.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

const videoWidth = (page: Page, testId: string) => page.getByTestId(testId).evaluate((video: HTMLVideoElement) => video.videoWidth);

test("a performer goes live, viewers watch, chat and tip, and a private show runs, bills and ends", async ({ browser }) => {
  test.setTimeout(120_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const [viewer, other] = await Promise.all([createViewer({ credits: 1000 }), createViewer({ credits: 500 })]);
  const [studio, room, second] = await Promise.all([signedIn(browser, performer.email), signedIn(browser, viewer.email), signedIn(browser, other.email)]);

  // The wall turns green without a reload when the performer goes online.
  await room.goto("/");
  const card = room.locator(`[data-testid="performer-card"][data-slug="${performer.slug}"]`);
  await expect(card.getByTestId("status")).toHaveAttribute("data-status", "offline");
  await expect(room.getByTestId("stream-state")).toHaveAttribute("data-state", "open");
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(card.getByTestId("status")).toHaveAttribute("data-status", "online", { timeout: 2_000 });
  await expect.poll(() => videoWidth(studio, "camera-preview")).toBeGreaterThan(0);

  // The viewer enters and the performer's camera plays.
  await card.getByRole("link").click();
  await expect(room).toHaveURL(`/performers/${performer.slug}`);
  await expect.poll(() => videoWidth(room, "room-video"), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(studio.getByTestId("viewer-count")).toHaveText("1 viewer watching");

  // Chat both ways.
  await room.getByRole("textbox", { name: "Message" }).fill("Hello from the audience!");
  await room.getByRole("textbox", { name: "Message" }).press("Enter");
  await expect(studio.getByTestId("chat-message").filter({ hasText: "Hello from the audience!" })).toBeVisible();
  await studio.getByRole("textbox", { name: "Message" }).fill("Welcome <b>in</b>!");
  await studio.getByRole("button", { name: "Send" }).click();
  await expect(room.getByTestId("chat-message").filter({ hasText: "Welcome <b>in</b>!" })).toContainText("(performer)");

  // A tip of 50, confirmed with a double click: charged once.
  await expect(room.getByTestId("room-balance")).toHaveText("1000");
  await room.getByRole("button", { name: "Tip 50" }).click();
  await room.getByRole("button", { name: "Confirm tip" }).dblclick();
  await expect(room.getByTestId("room-balance")).toHaveText("950");
  await expect(room.getByTestId("tip-notice")).toContainText("You tipped");
  await expect(studio.getByTestId("chat-tip")).toHaveText(`${viewer.username} tipped 50 credits`);
  expect(await tipsOf(viewer.id)).toEqual([50]);
  expect(await balanceOf(viewer.id)).toBe(950);

  // A second viewer joins the room too.
  await second.goto(`/performers/${performer.slug}`);
  await expect.poll(() => videoWidth(second, "room-video"), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(studio.getByTestId("viewer-count")).toHaveText("2 viewers watching");

  // The private show: requested, accepted; the other viewer is sent back to the wall.
  await room.getByRole("button", { name: "Request private show" }).click();
  await expect(room.getByTestId("private-requested")).toBeVisible();
  await studio.getByRole("button", { name: `Accept ${viewer.username}'s request` }).click();
  await expect(second).toHaveURL(new RegExp(`/\\?notice=private_show&performer=${performer.slug}`));
  await expect(second.getByTestId("wall-notice")).toContainText(`${performer.displayName} started a private show`);
  await expect(second.locator(`[data-testid="performer-card"][data-slug="${performer.slug}"]`).getByTestId("status")).toHaveAttribute("data-status", "busy");

  // Both parties see the meter count down; the video carries on between the two.
  for (const page of [room, studio]) {
    await expect(page.getByTestId("show-countdown")).toHaveAttribute("data-seconds", /^[1-9][0-9]*$/);
  }
  const firstReading = Number(await room.getByTestId("show-countdown").getAttribute("data-seconds"));
  await expect.poll(async () => Number(await room.getByTestId("show-countdown").getAttribute("data-seconds"))).toBeLessThan(firstReading);
  expect(await videoWidth(room, "room-video")).toBeGreaterThan(0);
  await expect(studio.getByTestId("viewer-count")).toHaveText("1 viewer watching");
  await room.waitForTimeout(2_500);

  await room.getByRole("button", { name: "End private show" }).click();
  await expect(room.getByTestId("private-closed")).toHaveAttribute("data-reason", "user_left");
  await expect(studio.getByTestId("performer-ended")).toHaveAttribute("data-reason", "user_left");

  // The charge is the billing rule's, for the show's length, and the ledger and ppv_tips agree.
  const show = (await latestShow(viewer.id))!;
  expect(show).toMatchObject({ status: "ended", endReason: "user_left", ratePerMinute: 30 });
  const lengthMs = show.endedAt!.getTime() - show.startedAt!.getTime();
  expect(show.secondsBilled).toBe(Math.ceil(lengthMs / 1000));
  expect(show.secondsBilled).toBeGreaterThanOrEqual(3);
  expect(show.creditsCharged).toBe(Math.ceil((show.secondsBilled * show.ratePerMinute) / 60));
  expect(show.ledgerCharged).toBe(show.creditsCharged);
  expect(show.liveshowCredits).toBe(show.creditsCharged);
  expect(await balanceOf(viewer.id)).toBe(950 - show.creditsCharged);
  await expect(room.getByTestId("room-balance")).toHaveText(String(950 - show.creditsCharged));

  // The performer is online again (on the wall too), and the show is in their earnings.
  await expect(second.locator(`[data-testid="performer-card"][data-slug="${performer.slug}"]`).getByTestId("status")).toHaveAttribute("data-status", "online");
  await expect(studio.getByTestId("earn-shows")).toHaveText("1");
  await expect(studio.getByTestId("earn-tips")).toHaveText("1");
  await expect(studio.getByTestId("earn-credits")).toHaveText(String(50 + show.creditsCharged));
  await expect(studio.getByTestId("recent-tip")).toContainText(`${viewer.username} tipped 50 credits`);

  // The viewer's account lists the purchase-free history: the show (length, credits) and the tip.
  await room.goto("/account");
  await expect(room.getByTestId("ledger-row").first()).toContainText("Private show");
  await expect(room.getByTestId("ledger-row").first()).toContainText(`-${show.creditsCharged}`);
  await expect(room.getByTestId("ledger-row").nth(1)).toContainText("Tip");
  await expect(room.getByTestId("ledger-row").nth(1)).toContainText(performer.displayName);
});

test("a private show whose credits run out ends by itself, and both sides are told", async ({ browser }) => {
  test.setTimeout(90_000);
  // 600 credits a minute is 10 a second. The request needs one minute's worth; a tip during the
  // show then leaves a few seconds' worth, which the meter runs down.
  const performer = await createPerformer({ ratePerMinute: 600, status: "online" });
  const viewer = await createViewer({ credits: 700 });
  const [studio, room] = await Promise.all([signedIn(browser, performer.email), signedIn(browser, viewer.email)]);
  await studio.goto("/studio");
  // The studio's status follows its camera: opened with the camera off, the performer is offline.
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(studio.getByTestId("status")).toHaveAttribute("data-status", "online");
  await room.goto(`/performers/${performer.slug}`);
  await room.getByRole("button", { name: "Request private show" }).click();
  await studio.getByRole("button", { name: `Accept ${viewer.username}'s request` }).click();
  await expect(room.getByTestId("show-countdown")).toHaveAttribute("data-seconds", /^[1-9][0-9]*$/);

  await room.getByRole("button", { name: "Other amount" }).click();
  await room.getByLabel("Other amount (credits)").fill("600");
  await room.getByRole("button", { name: "Tip this amount" }).click();
  await room.getByRole("button", { name: "Confirm tip" }).click();
  await expect(room.getByTestId("tip-notice")).toContainText("You tipped");

  await expect(room.getByTestId("private-closed")).toHaveAttribute("data-reason", "credits_exhausted", { timeout: 30_000 });
  await expect(room.getByTestId("private-closed")).toContainText("your credits ran out");
  await expect(studio.getByTestId("performer-ended")).toHaveAttribute("data-reason", "credits_exhausted");
  const show = (await latestShow(viewer.id))!;
  expect(show).toMatchObject({ status: "ended", endReason: "credits_exhausted", creditsCharged: 100, ledgerCharged: 100, liveshowCredits: 100 });
  expect(await balanceOf(viewer.id)).toBe(0);
  await expect(room.getByTestId("room-balance")).toHaveText("0");
  await expect(room.getByTestId("private-blocker")).toContainText("You need at least 600 credits");
});

test("the request button says why it is disabled", async ({ browser, page }) => {
  const offline = await createPerformer({ ratePerMinute: 40, status: "offline" });
  const online = await createPerformer({ ratePerMinute: 40, status: "online" });
  const poor = await createViewer({ credits: 10 });
  await page.goto(`/performers/${online.slug}`);
  await expect(page.getByRole("button", { name: "Request private show" })).toBeDisabled();
  await expect(page.getByTestId("private-blocker")).toContainText("Log in to request a private show.");
  const viewerPage = await signedIn(browser, poor.email);
  await viewerPage.goto(`/performers/${offline.slug}`);
  await expect(viewerPage.getByTestId("private-blocker")).toHaveText(`${offline.displayName} is offline.`);
  await viewerPage.goto(`/performers/${online.slug}`);
  await expect(viewerPage.getByTestId("private-blocker")).toContainText("You need at least 40 credits (one minute); you have 10.");
  await expect(viewerPage.getByTestId("private-blocker").getByRole("link", { name: "Buy credits" })).toHaveAttribute("href", "/credits");
  await expect(viewerPage.getByRole("button", { name: "Request private show" })).toHaveAccessibleDescription(/You need at least 40 credits/);
});

test("an account on hold sees why it cannot tip or request a private show (the server's own rule)", async ({ browser }) => {
  const performer = await createPerformer({ ratePerMinute: 40, status: "online" });
  const viewer = await createViewer({ credits: 1000 });
  await putOnHold(viewer.id);
  const page = await signedIn(browser, viewer.email);
  await page.goto(`/performers/${performer.slug}`);
  const reason = /on hold/;
  await expect(page.getByTestId("private-blocker")).toContainText(reason);
  await expect(page.getByRole("button", { name: "Request private show" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Request private show" })).toHaveAccessibleDescription(reason);
  await expect(page.getByTestId("tip-blocker")).toContainText(reason);
  for (const name of ["Tip 10", "Other amount"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeDisabled();
  }
  await expect(page.getByRole("button", { name: "Tip 10", exact: true })).toHaveAccessibleDescription(reason);
});
