import { expect, test, type Browser, type Page } from "@playwright/test";
import { adminPage } from "../admin/admin-helpers";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "./db";

// Peer-to-peer mode (VIDEO_SERVER unset) is honest about its limit: the performer's browser sends to
// eight viewers, the ninth is told the room is full, and the admin dashboard says why.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

const videoWidth = (page: Page) => page.getByTestId("room-video").evaluate((video: HTMLVideoElement) => video.videoWidth);

test("peer to peer sends video to eight viewers and tells the ninth the room is full", async ({ browser }) => {
  test.setTimeout(300_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const viewers = await Promise.all(Array.from({ length: 9 }, () => createViewer({ credits: 1 })));
  const studio = await signedIn(browser, performer.email);
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect.poll(() => studio.getByTestId("camera-preview").evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);

  const rooms: Page[] = [];
  for (const viewer of viewers.slice(0, 8)) {
    const room = await signedIn(browser, viewer.email);
    await room.goto(`/performers/${performer.slug}`);
    rooms.push(room);
  }
  for (const room of rooms) await expect.poll(() => videoWidth(room), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(studio.getByTestId("stream-peers")).toHaveText("Your camera is live (peer to peer: at most 8 viewers get video).");

  const ninth = await signedIn(browser, viewers[8]!.email);
  await ninth.goto(`/performers/${performer.slug}`);
  await expect(ninth.getByTestId("room-video-notice")).toContainText("The room is full", { timeout: 15_000 });
  expect(await videoWidth(ninth)).toBe(0);

  const admin = await adminPage(browser);
  await admin.goto("/admin");
  await expect(admin.getByTestId("video-status")).toContainText("at most 8 viewers");
});
