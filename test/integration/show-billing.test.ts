import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { performerBenefit, priceOfCredits } from "@/lib/server/money/compute-price";
import { getCreditValue } from "@/lib/server/money/get-credit-value";
import { billShow } from "@/lib/server/shows/bill-show";
import { creditsOwed } from "@/lib/shows/billing";
import { endShow } from "@/lib/server/shows/end-show";
import { sendTip } from "@/lib/server/tips/send-tip";
import { createActiveShow, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** The invariants of DESIGN.md §2 for one finished show and its viewer. */
async function expectBooksBalance(showId: number, userId: number) {
  const [show, user, tips, negative] = await Promise.all([
    prisma.privateShow.findUniqueOrThrow({ where: { id: showId } }),
    prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    prisma.tip.findMany({ where: { showId, action: "liveshow" } }),
    prisma.ledgerEntry.count({ where: { userId, balanceAfter: { lt: 0 } } }),
  ]);
  expect(user.credits).toBeGreaterThanOrEqual(0);
  expect(negative).toBe(0);
  expect(await ledgerSum(userId)).toBe(user.credits);
  expect(await showLedgerCharged(showId)).toBe(show.creditsCharged);
  if (show.status === "ended") {
    expect(tips).toHaveLength(1);
    expect(tips[0]!.credits).toBe(show.creditsCharged);
  }
  return { show, user };
}

describe("billing a show", () => {
  it("charges 61 credits for a 61-second show at 60 per minute", async () => {
    const { show, viewer } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: t0 });
    await billShow({ showId: show.id, now: at(30_000) });
    const ended = await endShow({ showId: show.id, reason: "user_left", now: at(61_000) });
    expect(ended).toMatchObject({ status: "ended", secondsBilled: 61, creditsCharged: 61, endedAt: at(61_000) });
    expect((await expectBooksBalance(show.id, viewer.id)).user.credits).toBe(939);
  });

  it("charges ceil(70/60) = 2 credits for 10 seconds at 7 per minute", async () => {
    const { show, viewer } = await createActiveShow({ credits: 100, ratePerMinute: 7, startedAt: t0 });
    const ended = await endShow({ showId: show.id, reason: "disconnected", now: at(10_000) });
    expect(ended).toMatchObject({ secondsBilled: 10, creditsCharged: 2, endReason: "disconnected" });
    await expectBooksBalance(show.id, viewer.id);
  });

  it("never charges twice for the same seconds, whatever the heartbeat times", async () => {
    const { show, viewer } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: t0 });
    const first = await billShow({ showId: show.id, now: at(10_200) });
    expect(first).toMatchObject({ show: { secondsBilled: 11, creditsCharged: 11 }, user: { credits: 989 }, secondsRemaining: 1000 - 11 });
    // The same instant again, then an earlier one arriving late: nothing new is owed.
    expect((await billShow({ showId: show.id, now: at(10_200) })).show.creditsCharged).toBe(11);
    const late = await billShow({ showId: show.id, now: at(9_000) });
    expect(late.show).toMatchObject({ secondsBilled: 11, creditsCharged: 11, lastHeartbeatAt: at(10_200) });
    expect((await billShow({ showId: show.id, now: at(20_001) })).show).toMatchObject({ secondsBilled: 21, creditsCharged: 21 });
    expect(await prisma.ledgerEntry.count({ where: { reference: `show:${show.id}` } })).toBe(2);
    await expectBooksBalance(show.id, viewer.id);
  });

  it("ends an ended show idempotently: same show, no second liveshow row", async () => {
    const { show, viewer, performer } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: t0 });
    const ended = await endShow({ showId: show.id, reason: "user_left", now: at(20_000) });
    const again = await endShow({ showId: show.id, reason: "performer_left", now: at(40_000) });
    expect(again).toEqual(ended);
    const tips = await prisma.tip.findMany({ where: { showId: show.id } });
    expect(tips).toHaveLength(1);
    const price = priceOfCredits(20, await getCreditValue(prisma));
    expect(tips[0]).toMatchObject({ action: "liveshow", userId: viewer.id, performerId: performer.id, credits: 20, date: at(20_000) });
    expect(tips[0]!.price.toFixed(3)).toBe(price.toFixed(3));
    expect(tips[0]!.performerBenefit.toFixed(3)).toBe(performerBenefit(price, performer.benefitPercent).toFixed(3));
    await expectBooksBalance(show.id, viewer.id);
  });

  it("caps a heartbeat at the balance and ends the show with credits_exhausted", async () => {
    const { show, viewer } = await createActiveShow({ credits: 60, ratePerMinute: 60, startedAt: t0 });
    await sendTip({ userId: viewer.id, performerId: show.performerId, credits: 30 });
    const result = await billShow({ showId: show.id, now: at(40_000) });
    expect(result).toMatchObject({
      show: { status: "ended", endReason: "credits_exhausted", creditsCharged: 30, secondsBilled: 40, endedAt: at(40_000) },
      user: { id: viewer.id, credits: 0 },
      secondsRemaining: 0,
    });
    await expect(billShow({ showId: show.id, now: at(41_000) })).rejects.toMatchObject({ code: "invalid_transition" });
    await expectBooksBalance(show.id, viewer.id);
  });

  it("records credits_exhausted when the final bill of an end is capped", async () => {
    const { show, viewer } = await createActiveShow({ credits: 120, ratePerMinute: 120, startedAt: t0 });
    await sendTip({ userId: viewer.id, performerId: show.performerId, credits: 70 });
    await billShow({ showId: show.id, now: at(20_000) });
    const ended = await endShow({ showId: show.id, reason: "user_left", now: at(40_000) });
    expect(ended).toMatchObject({ status: "ended", endReason: "credits_exhausted", creditsCharged: 50, secondsBilled: 40 });
    await expectBooksBalance(show.id, viewer.id);
  });

  it("reports secondsRemaining, and runs to exactly zero without ending while the balance just covers it", async () => {
    const { show, viewer } = await createActiveShow({ credits: 70, ratePerMinute: 7, startedAt: t0 });
    expect((await billShow({ showId: show.id, now: at(10_000) })).secondsRemaining).toBe(590);
    for (let s = 40; s < 600; s += 40) {
      expect(await billShow({ showId: show.id, now: at(s * 1000) })).toMatchObject({ show: { status: "active" }, secondsRemaining: 600 - s });
    }
    const exact = await billShow({ showId: show.id, now: at(600_000 - 1000 + 1) }); // second 600 started
    expect(exact).toMatchObject({ show: { status: "active", creditsCharged: 70 }, user: { credits: 0 }, secondsRemaining: 0 });
    const over = await billShow({ showId: show.id, now: at(609_000) });
    expect(over).toMatchObject({ show: { status: "ended", endReason: "credits_exhausted", creditsCharged: 70 } });
    await expectBooksBalance(show.id, viewer.id);
  });

  it("ends the show of an account blocked mid-show at the next step that owes something, charging nothing more", async () => {
    const { show, viewer } = await createActiveShow({ credits: 500, ratePerMinute: 60, startedAt: t0 });
    await billShow({ showId: show.id, now: at(10_000) });
    await prisma.user.update({ where: { id: viewer.id }, data: { blocked: true } });
    const result = await billShow({ showId: show.id, now: at(20_000) });
    expect(result).toMatchObject({ show: { status: "ended", endReason: "credits_exhausted", creditsCharged: 10 }, user: { credits: 490 } });
    await expectBooksBalance(show.id, viewer.id);
  });
});

describe("billing property", () => {
  it("charges min(balance, ceil(seconds × rate / 60)) over any heartbeat schedule, and the books balance", async () => {
    const schedule = fc.array(
      fc.record({ seconds: fc.integer({ min: 1, max: 44 }), ms: fc.integer({ min: 0, max: 999 }) }),
      { minLength: 0, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 999 }),
        schedule,
        fc.record({ seconds: fc.integer({ min: 1, max: 44 }), ms: fc.integer({ min: 0, max: 999 }) }),
        async (rate, balance, startMs, gaps, endGap) => {
          const start = at(startMs);
          // A show can only start with a minute's worth; tip the excess away so billing starts at `balance`.
          const { show, viewer } = await createActiveShow({ credits: Math.max(balance, rate), ratePerMinute: rate, startedAt: start });
          if (rate > balance) await sendTip({ userId: viewer.id, performerId: show.performerId, credits: rate - balance });

          let time = start.getTime();
          let expected = { charged: 0, seconds: 0, exhausted: false };
          for (const [i, gap] of [...gaps, endGap].entries()) {
            // Gaps below 45 s: these heartbeats keep the show alive, never a timeout.
            time += gap.seconds * 1000 + gap.ms;
            const now = new Date(time);
            const isEnd = i === gaps.length;
            if (!expected.exhausted) {
              const seconds = Math.ceil((time - start.getTime()) / 1000);
              const owed = creditsOwed(seconds, rate);
              expected = { charged: Math.min(balance, owed), seconds, exhausted: owed > balance };
            }
            if (isEnd) {
              await endShow({ showId: show.id, reason: "user_left", now });
            } else if (expected.exhausted && (await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).status === "ended") {
              await expect(billShow({ showId: show.id, now })).rejects.toMatchObject({ code: "invalid_transition" });
            } else {
              await billShow({ showId: show.id, now });
            }
          }
          const books = await expectBooksBalance(show.id, viewer.id);
          expect(books.show).toMatchObject({
            status: "ended",
            creditsCharged: expected.charged,
            secondsBilled: expected.seconds,
            endReason: expected.exhausted ? "credits_exhausted" : "user_left",
          });
          expect(books.user.credits).toBe(balance - expected.charged);
        },
      ),
      { numRuns: 40 },
    );
  });
});
