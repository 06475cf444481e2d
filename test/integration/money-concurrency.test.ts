import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { billShow } from "@/lib/server/shows/bill-show";
import { billShows } from "@/lib/server/shows/bill-shows";
import { declineShow } from "@/lib/server/shows/decline-show";
import { endShow } from "@/lib/server/shows/end-show";
import { expireStaleShows } from "@/lib/server/shows/expire-stale-shows";
import { requestShow } from "@/lib/server/shows/request-show";
import { sendTip } from "@/lib/server/tips/send-tip";
import { createActiveShow, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// One balance, many writers at once: tips, single and batch heartbeats, an end. The books must
// balance exactly and no second of a show may be paid twice.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("money under concurrency", () => {
  it("ends 50 parallel tips and heartbeats on one balance at the exact expected balance", async () => {
    const { show, viewer, performer } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: t0 });
    const work = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? sendTip({ userId: viewer.id, performerId: performer.id, credits: 7 })
        : i % 4 === 1
          ? billShow({ showId: show.id, now: at(1000 + i * 800) })
          : billShows({ showIds: [show.id], now: at(1000 + i * 800) }),
    );
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    // 25 tips of 7, and the show billed once up to the latest heartbeat (40.2 s → 41 s).
    const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user.credits).toBe(1000 - 25 * 7 - 41);
    expect(await ledgerSum(viewer.id)).toBe(user.credits);
    expect(await showLedgerCharged(show.id)).toBe(41);
    expect((await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).creditsCharged).toBe(41);
  });

  it("keeps the books when the balance runs out in the middle of the race", async () => {
    const { show, viewer, performer } = await createActiveShow({ credits: 120, ratePerMinute: 120, startedAt: t0 });
    const work: Promise<unknown>[] = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? sendTip({ userId: viewer.id, performerId: performer.id, credits: 5 })
        : billShows({ showIds: [show.id], now: at(1000 + i * 800) }),
    );
    work.push(endShow({ showId: show.id, reason: "user_left", now: at(42_000) }));
    const results = await Promise.allSettled(work);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: expect.stringMatching(/^(insufficient_credits|invalid_transition)$/) });
    }
    const [user, row, tips] = await Promise.all([
      prisma.user.findUniqueOrThrow({ where: { id: viewer.id } }),
      prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } }),
      prisma.tip.aggregate({ where: { userId: viewer.id, action: "tips" }, _sum: { credits: true } }),
    ]);
    expect(user.credits).toBeGreaterThanOrEqual(0);
    expect(await ledgerSum(viewer.id)).toBe(user.credits);
    expect(await showLedgerCharged(show.id)).toBe(row.creditsCharged);
    expect(row.status).toBe("ended");
    expect(await prisma.tip.findMany({ where: { showId: show.id } })).toMatchObject([{ credits: row.creditsCharged }]);
    expect(120 - (tips._sum.credits ?? 0) - row.creditsCharged).toBe(user.credits);
  });

  it("never deadlocks nor breaks the books when every kind of transition races on the same rows", async () => {
    const now = new Date();
    const actives = await Promise.all(Array.from({ length: 6 }, () => createActiveShow({ credits: 300, ratePerMinute: 60, startedAt: now })));
    const waiting = await Promise.all(actives.map(() => createViewer({ credits: 300 })));
    const requests = await Promise.all(
      actives.map(async ({ performer }, i) => {
        await endShow({ showId: actives[i]!.show.id, reason: "user_left", now });
        return requestShow({ userId: waiting[i]!.id, performerId: performer.id, now });
      }),
    );
    const later = (ms: number) => new Date(now.getTime() + ms);
    const work: Promise<unknown>[] = [];
    actives.forEach(({ viewer, performer }, i) => {
      const showId = requests[i]!.id;
      work.push(
        acceptShow({ showId, now: later(100) }),
        acceptShow({ showId, now: later(150) }),
        billShow({ showId, now: later(5000) }),
        billShows({ showIds: requests.map((r) => r.id), now: later(6000 + i) }),
        sendTip({ userId: waiting[i]!.id, performerId: performer.id, credits: 3 }),
        sendTip({ userId: viewer.id, performerId: performer.id, credits: 3 }),
        setPerformerStatus({ performerId: performer.id, status: i % 2 ? "offline" : "online", now: later(7000) }),
        declineShow({ showId, now: later(200) }),
        endShow({ showId, reason: "disconnected", now: later(9000) }),
        expireStaleShows({ now: later(60_000) }),
        requestShow({ userId: viewer.id, performerId: performer.id, now: later(300) }),
      );
    });
    const results = await Promise.allSettled(work);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    for (const user of [...waiting, ...actives.map((a) => a.viewer)]) {
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.credits).toBeGreaterThanOrEqual(0);
      expect(await ledgerSum(user.id)).toBe(row.credits);
    }
    for (const { id } of requests) {
      const row = await prisma.privateShow.findUniqueOrThrow({ where: { id } });
      expect(await showLedgerCharged(id)).toBe(row.creditsCharged);
      expect(await prisma.tip.count({ where: { showId: id } })).toBe(row.status === "ended" ? 1 : 0);
    }
  });
});
