import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { billShow } from "@/lib/server/shows/bill-show";
import { billShows } from "@/lib/server/shows/bill-shows";
import { endShow } from "@/lib/server/shows/end-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { sendTip } from "@/lib/server/tips/send-tip";
import { createPerformer, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// API.md v1.1: owed = ceil(max(secondsBilled, minimumSeconds) × rate / 60), charged at accept; a
// request (and the accept's re-check) needs credits for max(60, minimumSeconds) seconds.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function performerWithMinimum(minimumSeconds: number, ratePerMinute = 60) {
  const performer = await createPerformer({ ratePerMinute });
  return prisma.performer.update({ where: { id: performer.id }, data: { minimumSeconds } });
}

async function expectBooks(showId: number, userId: number) {
  const [show, user, rows] = await Promise.all([
    prisma.privateShow.findUniqueOrThrow({ where: { id: showId } }),
    prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    prisma.tip.findMany({ where: { showId } }),
  ]);
  expect(await ledgerSum(userId)).toBe(user.credits);
  expect(await showLedgerCharged(showId)).toBe(show.creditsCharged);
  if (show.status === "ended") expect(rows.map((r) => r.credits)).toEqual([show.creditsCharged]);
  return show;
}

describe("a performer's minimum private-show length", () => {
  it("is snapshotted on the show and reported as minimumSeconds (0 when none)", async () => {
    const [viewer, plain, minimum] = await Promise.all([createViewer({ credits: 1000 }), createPerformer(), performerWithMinimum(300)]);
    const a = await requestShow({ userId: viewer.id, performerId: plain.id, now: t0 });
    expect(toApiShow(a)).toMatchObject({ minimumSeconds: 0 });
    await prisma.privateShow.update({ where: { id: a.id }, data: { status: "cancelled" } });
    const b = await requestShow({ userId: viewer.id, performerId: minimum.id, now: t0 });
    await prisma.performer.update({ where: { id: minimum.id }, data: { minimumSeconds: 900 } });
    expect(toApiShow(b)).toMatchObject({ minimumSeconds: 300 });
  });

  it("needs credits for the minimum to request and to accept", async () => {
    const performer = await performerWithMinimum(300);
    const short = await createViewer({ credits: 299 });
    await expect(requestShow({ userId: short.id, performerId: performer.id, now: t0 })).rejects.toMatchObject({ code: "insufficient_credits", status: 402 });
    const viewer = await createViewer({ credits: 300 });
    const show = await requestShow({ userId: viewer.id, performerId: performer.id, now: t0 });
    await sendTip({ userId: viewer.id, performerId: performer.id, credits: 1, now: t0 });
    await expect(acceptShow({ showId: show.id, now: at(1) })).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ status: "requested", creditsCharged: 0 });
  });

  it("charges the minimum at accept, nothing more inside it, then per second", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 1000 }), performerWithMinimum(300)]);
    const requested = await requestShow({ userId: viewer.id, performerId: performer.id, now: t0 });
    const active = await acceptShow({ showId: requested.id, now: t0 });
    expect(active).toMatchObject({ status: "active", creditsCharged: 300, secondsBilled: 0 });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(700);
    for (let second = 40; second <= 280; second += 40) {
      expect((await billShow({ showId: active.id, now: at(second) })).show).toMatchObject({ secondsBilled: second, creditsCharged: 300 });
    }
    const [batched] = await billShows({ showIds: [active.id], now: at(310) });
    expect(batched).toMatchObject({ status: "active", creditsCharged: 310 });
    await expectBooks(active.id, viewer.id);
  });

  it("charges the whole minimum when the show ends early", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 1000 }), performerWithMinimum(300, 30)]);
    const requested = await requestShow({ userId: viewer.id, performerId: performer.id, now: t0 });
    await acceptShow({ showId: requested.id, now: t0 });
    const ended = await endShow({ showId: requested.id, reason: "user_left", now: at(20) });
    expect(ended).toMatchObject({ status: "ended", secondsBilled: 20, creditsCharged: 150 });
    await expectBooks(ended.id, viewer.id);
  });

  it("accepts many requests of one performer's minimum at once without double charging", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 1000 }), performerWithMinimum(120)]);
    const requested = await requestShow({ userId: viewer.id, performerId: performer.id, now: t0 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acceptShow({ showId: requested.id, now: t0 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await expectBooks(requested.id, viewer.id)).creditsCharged).toBe(120);
  });
});
