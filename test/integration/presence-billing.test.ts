import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { GET as roomEvents } from "@/app/api/rooms/[slug]/events/route";
import { POST as peerReport } from "@/app/api/shows/[id]/peer/route";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { getPresenceSource } from "@/lib/server/presence/get-presence-source";
import { createPresenceBiller, type PresenceBiller } from "@/lib/server/presence/presence-biller";
import { onShowPresenceChange } from "@/lib/server/rooms/room-feed";
import { creditsOwed, secondsBetween, SHOW_TIMEOUT_SECONDS } from "@/lib/shows/billing";
import { expireStaleShows } from "@/lib/server/shows/expire-stale-shows";
import { createActiveShow, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";
import { sleep, waitFor } from "@/test/helpers/realtime";

// Presence billing of the built-in room: the site bills a private show from the viewer's room
// connection it holds itself (the real SSE route handler, the real room feed and NOTIFY), and from
// the performer's peer reports, never from the viewer page's heartbeats. The viewer's page here is
// "silent": it holds the event stream open and sends nothing.

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
const session = vi.mocked(getServerSession);
const signIn = (userId: number) => session.mockResolvedValue({ user: { id: userId, sessionVersion: 0 } });

type Received = { event: string; data: unknown };

/** A page holding the room's event stream open, through the real route handler. */
async function openRoom(userId: number, slug: string) {
  signIn(userId);
  const abort = new AbortController();
  const response = await roomEvents(new Request(`http://localhost/api/rooms/${slug}/events`, { signal: abort.signal }), { params: Promise.resolve({ slug }) });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const received: Received[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) received.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // Aborted.
    }
  })();
  await waitFor(() => received.some((e) => e.event === "state"), "the room's state");
  const welcome = received.find((e) => e.event === "welcome")!.data as { connId: string };
  return { connId: welcome.connId, received, close: () => abort.abort() };
}

async function report(performerUserId: number, showId: number, body: unknown) {
  signIn(performerUserId);
  const response = await peerReport(
    new Request(`http://localhost/api/shows/${showId}/peer`, { method: "POST", headers: { "content-type": "application/json", origin: new URL(loadEnv().APP_URL).origin }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ id: String(showId) }) },
  );
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

/** A 60 credits/min presence-billed show that started `ago` ms ago. */
async function presenceShow(ago: number, credits = 6000) {
  const created = await createActiveShow({ credits, ratePerMinute: 60, startedAt: new Date(Date.now() - ago), billing: "presence" });
  const slug = (await prisma.performer.findUniqueOrThrow({ where: { id: created.performer.id } })).slug;
  return { ...created, slug };
}

const showRow = (id: number) => prisma.privateShow.findUniqueOrThrow({ where: { id } });

async function expectLedgerHolds(userId: number, showId: number) {
  const [user, show] = await Promise.all([prisma.user.findUniqueOrThrow({ where: { id: userId } }), showRow(showId)]);
  expect(await ledgerSum(userId)).toBe(user.credits);
  expect(await showLedgerCharged(showId)).toBe(show.creditsCharged);
}

// The instance's presence billing as instrumentation starts it: the room feeds' presence changes
// go to it; the tests call its tick instead of waiting for the timer.
let biller: PresenceBiller;
let unsubscribe: () => void;
const changes: Promise<unknown>[] = [];
beforeEach(() => {
  biller = createPresenceBiller(getPresenceSource());
  unsubscribe = onShowPresenceChange((performerId) => changes.push(biller.roomChanged(performerId)));
});
const pages: { close: () => void }[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) page.close();
  await Promise.allSettled(changes.splice(0));
  unsubscribe();
  biller.stop();
  await expireStaleShows({ now: new Date("2100-01-01T00:00:00.000Z"), limit: 10_000 });
});
afterAll(() => sleep(100));

describe("presence billing (built-in room)", () => {
  it("a silent page connected to the room pays for its connected time, and the show times out billed to the last step", async () => {
    const { show, viewer, slug } = await presenceShow(30_000);
    const page = await openRoom(viewer.id, slug);
    pages.push(page);
    const now = new Date();
    await biller.tick(now);
    const billed = await showRow(show.id);
    // 30 s at 60/min, although the page never sent a heartbeat.
    expect(billed.secondsBilled).toBe(secondsBetween(show.startedAt!, now));
    expect(billed.secondsBilled).toBeGreaterThanOrEqual(30);
    expect(billed.creditsCharged).toBe(creditsOwed(billed.secondsBilled, 60));
    await expectLedgerHolds(viewer.id, show.id);
    // The meter's update went to the room.
    await waitFor(() => page.received.some((e) => e.event === "billing"), "the billing update");

    // Nothing bills it after that: the timeout rule ends it at the last billing, not at 0.
    await expireStaleShows({ now: new Date(now.getTime() + SHOW_TIMEOUT_SECONDS * 1000 + 1) });
    expect(await showRow(show.id)).toMatchObject({ status: "ended", endReason: "timeout", endedAt: now, creditsCharged: billed.creditsCharged });
    await expectLedgerHolds(viewer.id, show.id);
  });

  it("a closed connection is billed up to its close and then not at all; the show times out billed to the disconnect", async () => {
    const { show, viewer, slug } = await presenceShow(20_000);
    const page = await openRoom(viewer.id, slug);
    await biller.tick();
    const first = await showRow(show.id);
    await sleep(1_500);
    const closedAt = Date.now();
    const seen = changes.length;
    page.close();
    await waitFor(() => changes.length > seen, "the departure");
    await Promise.all(changes);
    const atClose = await showRow(show.id);
    expect(atClose.lastHeartbeatAt!.getTime()).toBeGreaterThanOrEqual(closedAt);
    expect(atClose.lastHeartbeatAt!.getTime()).toBeLessThan(closedAt + 1_000);
    expect(atClose.secondsBilled).toBeGreaterThan(first.secondsBilled);

    // The next tick (and any later one) bills nothing more.
    await biller.tick(new Date(Date.now() + 10_000));
    await biller.tick(new Date(Date.now() + 20_000));
    expect(await showRow(show.id)).toMatchObject({ secondsBilled: atClose.secondsBilled, creditsCharged: atClose.creditsCharged });

    await expireStaleShows({ now: new Date(atClose.lastHeartbeatAt!.getTime() + SHOW_TIMEOUT_SECONDS * 1000 + 1) });
    expect(await showRow(show.id)).toMatchObject({
      status: "ended", endReason: "timeout", endedAt: atClose.lastHeartbeatAt, secondsBilled: atClose.secondsBilled, creditsCharged: atClose.creditsCharged,
    });
    await expectLedgerHolds(viewer.id, show.id);
  });

  it("the performer's 'peer gone' report stops the billing of a page whose connection the server still holds", async () => {
    const { show, viewer, performer, slug } = await presenceShow(20_000);
    const page = await openRoom(viewer.id, slug);
    pages.push(page);
    await biller.tick();
    const seen = changes.length;
    expect(await report(performer.userId, show.id, { conn: page.connId, connected: false })).toMatchObject({ status: 202 });
    await waitFor(() => changes.length > seen, "the report to reach the room feed");
    await Promise.all(changes);
    const gone = await showRow(show.id);

    await biller.tick(new Date(Date.now() + 10_000));
    expect(await showRow(show.id)).toMatchObject({ secondsBilled: gone.secondsBilled, creditsCharged: gone.creditsCharged });
    await expectLedgerHolds(viewer.id, show.id);

    // The peer connection came back: billing resumes, for the whole time (a short outage is not free).
    expect(await report(performer.userId, show.id, { conn: page.connId, connected: true })).toMatchObject({ status: 202 });
    await waitFor(() => changes.length > seen + 1, "the second report");
    const later = new Date(Date.now() + 10_000);
    await biller.tick(later);
    expect((await showRow(show.id)).secondsBilled).toBe(secondsBetween(show.startedAt!, later));
    await expectLedgerHolds(viewer.id, show.id);
  });

  it("only the show's performer may report, only on its viewer's connections, and bad bodies are 4xx", async () => {
    const { show, viewer, slug } = await presenceShow(5_000);
    const other = await presenceShow(5_000);
    const page = await openRoom(viewer.id, slug);
    pages.push(page);
    expect(await report(other.performer.userId, show.id, { conn: page.connId, connected: false })).toMatchObject({ status: 404 });
    expect(await report(viewer.id, show.id, { conn: page.connId, connected: false })).toMatchObject({ status: 403 });
    const otherPage = await openRoom(other.viewer.id, other.slug);
    pages.push(otherPage);
    expect(await report(other.performer.userId, other.show.id, { conn: page.connId, connected: false })).toMatchObject({ status: 422 });
    expect(await report(other.performer.userId, other.show.id, { conn: "1.forged", connected: false })).toMatchObject({ status: 422 });
    expect((await report(other.performer.userId, other.show.id, { conn: otherPage.connId })).status).toBe(422);
  });

  it("a performer cannot keep billing a viewer whose connection closed", async () => {
    const { show, viewer, performer, slug } = await presenceShow(20_000);
    const page = await openRoom(viewer.id, slug);
    await biller.tick();
    const seen = changes.length;
    page.close();
    await waitFor(() => changes.length > seen, "the departure");
    await Promise.all(changes);
    const closed = await showRow(show.id);
    expect(await report(performer.userId, show.id, { conn: page.connId, connected: true })).toMatchObject({ status: 202 });
    await sleep(300);
    await biller.tick(new Date(Date.now() + 10_000));
    expect(await showRow(show.id)).toMatchObject({ secondsBilled: closed.secondsBilled, creditsCharged: closed.creditsCharged });
    await expectLedgerHolds(viewer.id, show.id);
  });

  it("a closed viewer connection tells the performer's page to stop sending it video", async () => {
    const { viewer, performer, slug } = await presenceShow(5_000);
    const studio = await openRoom(performer.userId, slug);
    pages.push(studio);
    const page = await openRoom(viewer.id, slug);
    page.close();
    await waitFor(
      () => studio.received.some((e) => e.event === "signal" && JSON.stringify(e.data) === JSON.stringify({ from: { conn: page.connId, userId: viewer.id }, data: { kind: "bye" } })),
      "the bye for the closed connection",
    );
  });

  it("two instances billing the same shows at the same moment charge them once", async () => {
    const shows = await Promise.all([presenceShow(40_000), presenceShow(25_000), presenceShow(12_000)]);
    for (const { viewer, slug } of shows) pages.push(await openRoom(viewer.id, slug));
    const other = createPresenceBiller(getPresenceSource());
    const now = new Date();
    for (let round = 0; round < 3; round++) {
      const at = new Date(now.getTime() + round * 10_000);
      await Promise.all([biller.tick(at), other.tick(at), biller.tick(at), other.tick(at)]);
    }
    other.stop();
    const last = new Date(now.getTime() + 20_000);
    for (const { show, viewer } of shows) {
      const row = await showRow(show.id);
      expect(row.secondsBilled).toBe(secondsBetween(show.startedAt!, last));
      expect(row.creditsCharged).toBe(creditsOwed(row.secondsBilled, 60));
      // One ledger row per round, never two for one step.
      expect(await prisma.ledgerEntry.count({ where: { reference: `show:${show.id}` } })).toBe(3);
      await expectLedgerHolds(viewer.id, show.id);
    }
  });

  it("a show billed by the chat server's heartbeats is left to them", async () => {
    const created = await createActiveShow({ credits: 6000, ratePerMinute: 60, startedAt: new Date(Date.now() - 30_000) });
    const slug = (await prisma.performer.findUniqueOrThrow({ where: { id: created.performer.id } })).slug;
    pages.push(await openRoom(created.viewer.id, slug));
    await biller.tick();
    expect(await showRow(created.show.id)).toMatchObject({ secondsBilled: 0, creditsCharged: 0 });
  });

  it("a show whose credits run out before the next tick ends when they do", async () => {
    // 60/min with 35 credits: 30 s are billed at the tick, 5 s remain.
    const { show, viewer, slug } = await presenceShow(30_000, 60);
    await prisma.$transaction(async (tx) => {
      const { applyCreditChange } = await import("@/lib/server/ledger/apply-credit-change");
      await applyCreditChange(tx, { userId: viewer.id, delta: -25, kind: "admin_adjustment", reference: "test", idempotencyKey: `test:drain:${viewer.id}` });
    });
    pages.push(await openRoom(viewer.id, slug));
    await biller.tick();
    expect((await showRow(show.id)).status).toBe("active");
    const deadline = Date.now() + 12_000;
    while ((await showRow(show.id)).status === "active" && Date.now() < deadline) await sleep(200);
    const ended = await showRow(show.id);
    expect(ended).toMatchObject({ status: "ended", endReason: "credits_exhausted", creditsCharged: 35 });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(0);
    await expectLedgerHolds(viewer.id, show.id);
  });
});
