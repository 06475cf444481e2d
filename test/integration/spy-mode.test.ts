import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { getRoomState, viewRoomState } from "@/lib/server/rooms/get-room-state";
import { sendChatMessage } from "@/lib/server/rooms/send-chat-message";
import { billShow } from "@/lib/server/shows/bill-show";
import { billShows } from "@/lib/server/shows/bill-shows";
import { creditsOwed } from "@/lib/shows/billing";
import { countSpies } from "@/lib/server/shows/count-spies";
import { endShow } from "@/lib/server/shows/end-show";
import { setSpiesAllowed } from "@/lib/server/shows/set-spies-allowed";
import { startSpying } from "@/lib/server/shows/start-spying";
import { createActiveShow, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// Spy mode: a spy session is a paid per-second session (a private_shows row of kind spy), billed by
// the same billing step as the private show it watches, ended with it, and recorded in ppv_tips once.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function privateShowWithSpyRate(spyRate = 30) {
  const created = await createActiveShow({ credits: 10_000, ratePerMinute: 60, startedAt: t0 });
  await prisma.performer.update({ where: { id: created.performer.id }, data: { spyRatePerMinute: spyRate } });
  return created;
}

/** Σ ledger = balance for every user, each session's ledger = its creditsCharged, one ppv_tips row per ended session. */
async function expectBooksBalance() {
  const users = await prisma.user.findMany({ select: { id: true, credits: true } });
  for (const user of users) expect(await ledgerSum(user.id)).toBe(user.credits);
  const shows = await prisma.privateShow.findMany({ where: { status: { in: ["active", "ended"] } }, include: { tip: true } });
  for (const show of shows) {
    expect(await showLedgerCharged(show.id)).toBe(show.creditsCharged);
    if (show.status === "ended") expect(show.tip).toMatchObject({ action: "liveshow", credits: show.creditsCharged, userId: show.userId });
    else expect(show.tip).toBeNull();
  }
}

describe("spy mode", () => {
  it("bills a spy per second at the spy rate by the same rule, and records one session row", async () => {
    const { show, performer } = await privateShowWithSpyRate(30);
    const spy = await createViewer({ credits: 100 });
    const session = await startSpying({ userId: spy.id, showId: show.id, now: at(10) });
    expect(session).toMatchObject({ kind: "spy", parentShowId: show.id, ratePerMinute: 30, status: "active", startedAt: at(10) });
    expect(await countSpies(show.id)).toBe(1);
    await billShow({ showId: session.id, now: at(30) });
    const ended = await endShow({ showId: session.id, reason: "user_left", now: at(51) });
    expect(ended).toMatchObject({ status: "ended", secondsBilled: 41, creditsCharged: creditsOwed(41, 30) });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: spy.id } })).credits).toBe(100 - creditsOwed(41, 30));
    // The private show and the performer's busy status are untouched by a spy leaving.
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ status: "active" });
    expect((await getRoomState(performer.id))!.status).toBe("busy");
    await expectBooksBalance();
  });

  it("ends every spy with the private show, billed up to its end", async () => {
    const { show, performer } = await privateShowWithSpyRate(60);
    const spies = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 })]);
    const sessions = await Promise.all(spies.map((spy) => startSpying({ userId: spy.id, showId: show.id, now: at(5) })));
    await billShow({ showId: show.id, now: at(30) });
    await setPerformerStatus({ performerId: performer.id, status: "offline", now: at(40) });
    for (const session of sessions) {
      expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({
        status: "ended", endReason: "show_ended", endedAt: at(40), secondsBilled: 35, creditsCharged: 35,
      });
    }
    await expectBooksBalance();
  });

  it("ends a spy whose credits run out, like any show", async () => {
    const { show } = await privateShowWithSpyRate(60);
    const spy = await createViewer({ credits: 60 });
    const session = await startSpying({ userId: spy.id, showId: show.id, now: at(0) });
    await billShow({ showId: show.id, now: at(40) });
    const [item] = await billShows({ showIds: [session.id], now: at(40) });
    expect(item).toMatchObject({ status: "active", creditsCharged: 40 });
    await billShow({ showId: show.id, now: at(70) });
    const { show: after } = await billShow({ showId: session.id, now: at(70) });
    expect(after).toMatchObject({ status: "ended", endReason: "credits_exhausted", creditsCharged: 60 });
    await expectBooksBalance();
  });

  it("refuses what the rules refuse", async () => {
    const { show, viewer } = await privateShowWithSpyRate(60);
    const poor = await createViewer({ credits: 59 });
    await expect(startSpying({ userId: poor.id, showId: show.id, now: at(1) })).rejects.toMatchObject({ code: "insufficient_credits" });
    await expect(startSpying({ userId: viewer.id, showId: show.id, now: at(1) })).rejects.toMatchObject({ code: "invalid_request" });
    const spy = await createViewer({ credits: 500 });
    const session = await startSpying({ userId: spy.id, showId: show.id, now: at(1) });
    await expect(startSpying({ userId: spy.id, showId: show.id, now: at(2) })).rejects.toMatchObject({ code: "show_in_progress" });
    await expect(startSpying({ userId: (await createViewer({ credits: 500 })).id, showId: session.id })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(startSpying({ userId: spy.id, showId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
    // The performer's per-show switch ends the spies watching and refuses new ones.
    await setSpiesAllowed({ showId: show.id, allowed: false, now: at(20) });
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ status: "ended", endReason: "performer_left", creditsCharged: 19 });
    const other = await createViewer({ credits: 500 });
    await expect(startSpying({ userId: other.id, showId: show.id, now: at(21) })).rejects.toMatchObject({ code: "spying_disabled", status: 409 });
    // The site-wide switch.
    await setSpiesAllowed({ showId: show.id, allowed: true });
    await prisma.setting.upsert({ where: { id: 1 }, create: { id: 1, spyEnabled: false }, update: { spyEnabled: false } });
    await expect(startSpying({ userId: other.id, showId: show.id, now: at(22) })).rejects.toMatchObject({ code: "spying_disabled" });
    await prisma.setting.update({ where: { id: 1 }, data: { spyEnabled: true } });
    await endShow({ showId: show.id, reason: "user_left", now: at(30) });
    await expect(startSpying({ userId: other.id, showId: show.id, now: at(31) })).rejects.toMatchObject({ code: "invalid_transition" });
    await expectBooksBalance();
  });

  it("lets a spy into the room unseen: counted for the show's parties, no chat", async () => {
    const { show, viewer, performer } = await privateShowWithSpyRate(60);
    const spy = await createViewer({ credits: 500 });
    const stranger = await createViewer({ credits: 500 });
    const performerUser = await prisma.user.findUniqueOrThrow({ where: { id: performer.userId } });
    const before = (await getRoomState(performer.id))!;
    expect(viewRoomState(before, stranger)).toMatchObject({ excluded: true, canSpy: true, spies: 0, spyRatePerMinute: 60 });
    const session = await startSpying({ userId: spy.id, showId: show.id, now: new Date() });
    const state = (await getRoomState(performer.id))!;
    expect(viewRoomState(state, spy)).toMatchObject({ excluded: false, spySessionId: session.id, spies: 0, canSpy: false });
    expect(viewRoomState(state, performerUser)).toMatchObject({ spies: 1 });
    expect(viewRoomState(state, viewer)).toMatchObject({ spies: 1 });
    expect(state.shows.map((s) => s.id)).toEqual([show.id]);
    await expect(sendChatMessage({ user: { id: spy.id, username: spy.username, role: "viewer" }, slug: performer.slug, text: "hi" }))
      .rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps the books with 20 spies joining and leaving while the private show runs", async () => {
    const { show, performer } = await privateShowWithSpyRate(45);
    const spies = await Promise.all(Array.from({ length: 20 }, (_, i) => createViewer({ credits: i % 8 >= 5 ? 45 : 45 + i * 3 })));
    await Promise.all(spies.map((spy, i) => startSpying({ userId: spy.id, showId: show.id, now: at(i % 5) })));
    const sessions = await prisma.privateShow.findMany({ where: { parentShowId: show.id }, orderBy: { id: "asc" } });
    expect(sessions).toHaveLength(20);
    for (const tick of [10, 20, 30, 40, 50, 60, 70, 80]) {
      await Promise.all([
        billShow({ showId: show.id, now: at(tick) }),
        billShows({ showIds: sessions.map((s) => s.id), now: at(tick) }),
        ...sessions.filter((_, i) => tick <= 40 && i % 8 === tick / 10 - 1).map((s) => endShow({ showId: s.id, reason: "user_left", now: at(tick) })),
        ...sessions.map((s) => billShow({ showId: s.id, now: at(tick) }).catch(() => undefined)),
      ]);
    }
    // Some spies come back: a new session each, while the private show ends at the same moment.
    const leavers = sessions.filter((_, i) => i % 8 === 0).map((s) => s.userId);
    await Promise.allSettled([
      ...leavers.map((userId) => startSpying({ userId, showId: show.id, now: at(81) })),
      endShow({ showId: show.id, reason: "performer_left", now: at(82) }),
    ]);
    expect(await prisma.privateShow.count({ where: { performerId: performer.id, status: "active" } })).toBe(0);
    const reasons = await prisma.privateShow.groupBy({ by: ["endReason"], where: { parentShowId: show.id }, _count: { _all: true } });
    expect(reasons.map((r) => r.endReason).sort()).toEqual(expect.arrayContaining(["credits_exhausted", "show_ended", "user_left"]));
    await expectBooksBalance();
  });
});
