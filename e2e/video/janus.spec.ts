import { expect, test, type Page } from "@playwright/test";
import { adminPage } from "../admin/admin-helpers";
import { createPerformer, createViewer } from "../room/db";
import {
  expectFrames,
  framesBetween,
  JANUS_PORTS,
  janusFromPage,
  killJanus,
  requestGrant,
  roomServers,
  setDeaf,
  signedIn,
  videoWidth,
} from "./janus-helpers";

// The built-in room with Janus (VIDEO_SERVER set): the performer publishes once, Janus forwards to
// each viewer, and the site's decisions are enforced by Janus itself — checked on pages that ignore
// the site ("deaf"), so only the media server can stop their video.

test.describe.configure({ mode: "serial" });

async function goLive(studio: Page): Promise<void> {
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect.poll(() => videoWidth(studio, "camera-preview")).toBeGreaterThan(0);
}

test("three viewers watch through Janus; a private show, its end and a disabled performer are enforced by Janus", async ({ browser }) => {
  test.setTimeout(120_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const viewers = await Promise.all([1, 2, 3].map(() => createViewer({ credits: 1000 })));
  const [studio, ...rooms] = await Promise.all([signedIn(browser, performer.email), ...viewers.map((v) => signedIn(browser, v.email))]);
  const [privateRoom, other1, other2] = rooms as [Page, Page, Page];

  await goLive(studio);
  await expect(studio.getByTestId("stream-peers")).toContainText("video server", { timeout: 10_000 });

  // Three viewers see the video.
  for (const room of rooms) {
    const started = Date.now();
    await room.goto(`/performers/${performer.slug}`);
    await expect.poll(() => videoWidth(room, "room-video"), { timeout: 10_000, intervals: [50] }).toBeGreaterThan(0);
    test.info().annotations.push({ type: "first frame (ms, page load included)", description: String(Date.now() - started) });
  }
  for (const room of rooms) await expectFrames(room);
  const [stale] = await Promise.all([requestGrant(other1, performer.slug)]);
  expect(stale.status).toBe(200);
  expect(stale.body.mode).toBe("janus");

  // The others' pages ignore everything from now on: only Janus can stop their video.
  await setDeaf(other1, true);
  await setDeaf(other2, true);
  await privateRoom.getByRole("button", { name: "Request private show" }).click();
  await studio.getByRole("button", { name: `Accept ${viewers[0]!.username}'s request` }).click();
  await expect(studio.getByTestId("show-countdown")).toBeVisible();
  const accepted = Date.now();
  const [kept, cut1, cut2] = await Promise.all([privateRoom, other1, other2].map((room) => framesBetween(room, accepted, 1_000, 1_600)));
  expect(cut1).toBe(0);
  expect(cut2).toBe(0);
  expect(kept).toBeGreaterThan(5);

  // A forced re-subscribe is refused: by the site, and by Janus with the old token or a made-up private id.
  expect((await requestGrant(other1, performer.slug)).status).toBe(403);
  const [join, subscribe] = await janusFromPage(other1, stale.body.url, [
    { request: "join", ptype: "publisher", room: stale.body.room, id: stale.body.id + 1, token: stale.body.token },
    { request: "join", ptype: "subscriber", room: stale.body.room, private_id: 12345, streams: [{ feed: stale.body.feed }] },
  ]);
  expect(join).toMatchObject({ error_code: 433 });
  expect(subscribe).toMatchObject({ error_code: 433 });

  // The show ends: public viewing resumes.
  await privateRoom.getByRole("button", { name: "End private show" }).click();
  await expect(privateRoom.getByTestId("private-closed")).toBeVisible();
  for (const room of [other1, other2]) {
    await setDeaf(room, false);
    await room.goto(`/performers/${performer.slug}`);
    await expect.poll(() => videoWidth(room, "room-video"), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectFrames(room);
  }
  await expectFrames(privateRoom);

  // An admin disables the performer: every viewer's video stops, though no page obeys.
  const admin = await adminPage(browser);
  await admin.goto(`/admin/performers/${performer.id}`);
  for (const room of rooms) await setDeaf(room, true);
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByRole("button", { name: "Enable" })).toBeVisible();
  const disabled = Date.now();
  expect(await Promise.all(rooms.map((room) => framesBetween(room, disabled, 1_000, 1_600)))).toEqual([0, 0, 0]);
});

test("rooms are spread over both Janus servers; one that is down gets none, and with none up the performer is told", async ({ browser }) => {
  test.setTimeout(90_000);
  const performers = await Promise.all([1, 2, 3, 4].map(() => createPerformer({ ratePerMinute: 30, status: "offline" })));
  const studios = await Promise.all(performers.map((p) => signedIn(browser, p.email)));
  const [a, b, c, d] = studios as [Page, Page, Page, Page];

  await goLive(a);
  await expect(a.getByTestId("stream-peers")).toContainText("forwards it", { timeout: 10_000 });
  await goLive(b);
  await expect(b.getByTestId("stream-peers")).toContainText("forwards it", { timeout: 10_000 });
  const placed = await roomServers([performers[0]!.id, performers[1]!.id]);
  expect(new Set(placed.values()).size).toBe(2);

  // The second server goes down: the next room goes to the first, however busy.
  killJanus(JANUS_PORTS[1]!);
  await goLive(c);
  // A placement probes every server first; the dead one's probe may take its full timeout under load.
  await expect(c.getByTestId("stream-peers")).toContainText("forwards it", { timeout: 30_000 });
  expect((await roomServers([performers[2]!.id])).get(performers[2]!.id)).toContain(`:${JANUS_PORTS[0]}/`);

  // Both down: the performer sees why viewers cannot see them.
  killJanus(JANUS_PORTS[0]!);
  await goLive(d);
  await expect(d.getByTestId("video-error")).toContainText("video server is not reachable", { timeout: 10_000 });
});
