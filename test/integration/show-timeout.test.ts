import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { billShow } from "@/lib/server/shows/bill-show";
import { SHOW_TIMEOUT_SECONDS } from "@/lib/shows/billing";
import { endShow } from "@/lib/server/shows/end-show";
import { expireStaleShows } from "@/lib/server/shows/expire-stale-shows";
import { getShow } from "@/lib/server/shows/get-show";
import { getUserStatus } from "@/lib/server/users/get-user-status";
import { createActiveShow, createPerformer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// The timeout rule: an active show with no heartbeat for more than 45 s ends with reason timeout,
// at its last heartbeat, billed only to it.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const lastBeat = 20_000;
const stale = at(lastBeat + SHOW_TIMEOUT_SECONDS * 1000 + 1);

/** An active show (60/min) with heartbeats at 10 s and 20 s, then silence. */
async function showGoneQuiet() {
  const created = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: t0 });
  await billShow({ showId: created.show.id, now: at(10_000) });
  await billShow({ showId: created.show.id, now: at(lastBeat) });
  return created;
}

async function expectTimedOut(showId: number, userId: number) {
  const show = await prisma.privateShow.findUniqueOrThrow({ where: { id: showId } });
  expect(show).toMatchObject({ status: "ended", endReason: "timeout", endedAt: at(lastBeat), secondsBilled: 20, creditsCharged: 20 });
  expect(await prisma.tip.findMany({ where: { showId } })).toMatchObject([{ action: "liveshow", credits: 20, date: at(lastBeat) }]);
  expect(await showLedgerCharged(showId)).toBe(20);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  expect(user.credits).toBe(980);
  expect(await ledgerSum(userId)).toBe(980);
}

// Sweeps end every stale show of this file's database: leave none behind for the next test.
afterEach(async () => {
  await expireStaleShows({ now: new Date("2100-01-01T00:00:00.000Z"), limit: 10_000 });
});

describe("timeout", () => {
  it("is ended by the sweep, billed only to its last heartbeat; a show within 45 s is left alone", async () => {
    const { show, viewer } = await showGoneQuiet();
    const fresh = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: at(lastBeat + 10_000) });
    expect(await expireStaleShows({ now: at(lastBeat + SHOW_TIMEOUT_SECONDS * 1000) })).toBe(0);
    expect(await expireStaleShows({ now: stale })).toBe(1);
    await expectTimedOut(show.id, viewer.id);
    expect((await prisma.privateShow.findUniqueOrThrow({ where: { id: fresh.show.id } })).status).toBe("active");
  });

  it("is applied lazily when the show is read", async () => {
    const { show, viewer } = await showGoneQuiet();
    expect((await getShow({ showId: show.id, now: at(lastBeat + 44_999) })).status).toBe("active");
    expect(await getShow({ showId: show.id, now: stale })).toMatchObject({ status: "ended", endReason: "timeout" });
    await expectTimedOut(show.id, viewer.id);
    await expect(getShow({ showId: 987_654 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("is applied lazily by getUserStatus, which then frees the viewer", async () => {
    const { show, viewer } = await showGoneQuiet();
    await createPerformer({ ratePerMinute: 1 });
    expect(await getUserStatus({ userId: viewer.id, now: at(lastBeat + 1000) })).toMatchObject({ activeShowId: show.id, canRequestPrivate: false });
    expect(await getUserStatus({ userId: viewer.id, now: stale })).toMatchObject({ activeShowId: null, canRequestPrivate: true, credits: 980 });
    await expectTimedOut(show.id, viewer.id);
  });

  it("makes a late heartbeat or end return the show ended by timeout, not billed for the dead time", async () => {
    const a = await showGoneQuiet();
    const beat = await billShow({ showId: a.show.id, now: stale });
    expect(beat).toMatchObject({ show: { status: "ended", endReason: "timeout" }, user: { credits: 980 }, secondsRemaining: 0 });
    await expectTimedOut(a.show.id, a.viewer.id);
    const b = await showGoneQuiet();
    expect(await endShow({ showId: b.show.id, reason: "user_left", now: stale })).toMatchObject({ endReason: "timeout" });
    await expectTimedOut(b.show.id, b.viewer.id);
  });

  it("ends a show once when sweeps of several instances run at the same time", async () => {
    const shows = await Promise.all(Array.from({ length: 6 }, () => showGoneQuiet()));
    const counts = await Promise.all(Array.from({ length: 4 }, () => expireStaleShows({ now: stale })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    for (const { show, viewer } of shows) await expectTimedOut(show.id, viewer.id);
  });

  it("respects the limit, leaving the rest to the next sweep", async () => {
    await Promise.all(Array.from({ length: 3 }, () => showGoneQuiet()));
    expect(await expireStaleShows({ now: stale, limit: 2 })).toBe(2);
    expect(await expireStaleShows({ now: stale, limit: 2 })).toBe(1);
    expect(await expireStaleShows({ now: stale, limit: 2 })).toBe(0);
  });
});
