import { describe, expect, it } from "vitest";
import { creditsOwed, creditsToStart, isStale, planBillingStep, secondsBetween, secondsRemaining } from "./billing";

const t0 = new Date("2026-11-22T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("billing rule", () => {
  it("counts a started second as a whole one and never goes negative", () => {
    expect(secondsBetween(t0, t0)).toBe(0);
    expect(secondsBetween(t0, at(1))).toBe(1);
    expect(secondsBetween(t0, at(1000))).toBe(1);
    expect(secondsBetween(t0, at(1001))).toBe(2);
    expect(secondsBetween(t0, at(61_000))).toBe(61);
    expect(secondsBetween(t0, at(-5000))).toBe(0);
  });

  it("rounds owed credits up, in integer math", () => {
    expect(creditsOwed(61, 60)).toBe(61);
    expect(creditsOwed(10, 7)).toBe(2);
    expect(creditsOwed(60, 7)).toBe(7);
    expect(creditsOwed(0, 600)).toBe(0);
    expect(creditsOwed(1, 1)).toBe(1);
    expect(creditsOwed(86_400 * 365, 600)).toBe(315_360_000);
  });

  it("computes the seconds the balance still buys", () => {
    expect(secondsRemaining({ creditsCharged: 0, balance: 60, ratePerMinute: 60, secondsBilled: 0 })).toBe(60);
    expect(secondsRemaining({ creditsCharged: 2, balance: 5, ratePerMinute: 7, secondsBilled: 10 })).toBe(50);
    expect(secondsRemaining({ creditsCharged: 1, balance: 0, ratePerMinute: 60, secondsBilled: 5 })).toBe(0);
  });

  it("treats a show as stale only after more than 45 s without a heartbeat", () => {
    const show = { startedAt: t0, lastHeartbeatAt: t0 };
    expect(isStale(show, at(45_000))).toBe(false);
    expect(isStale(show, at(45_001))).toBe(true);
    expect(isStale({ startedAt: t0, lastHeartbeatAt: null }, at(46_000))).toBe(true);
  });
});

describe("planBillingStep", () => {
  const show = { startedAt: t0, lastHeartbeatAt: t0, ratePerMinute: 60, minimumSeconds: 0, secondsBilled: 0, creditsCharged: 0 };

  it("bills what is owed and reports the seconds left", () => {
    expect(planBillingStep({ show, balance: 100, now: at(10_500) })).toEqual({
      outcome: "billed", secondsBilled: 11, charge: 11, creditsCharged: 11, heartbeatAt: at(10_500), secondsRemaining: 89,
    });
  });

  it("caps the charge at the balance and ends the show when the cap bites", () => {
    const plan = planBillingStep({ show, balance: 5, now: at(10_000) });
    expect(plan).toMatchObject({ outcome: "exhausted", charge: 5, creditsCharged: 5, secondsRemaining: 0 });
    // Exactly enough is not exhausted.
    expect(planBillingStep({ show, balance: 10, now: at(10_000) })).toMatchObject({ outcome: "billed", charge: 10, secondsRemaining: 0 });
  });

  it("never bills the same seconds twice nor moves backwards", () => {
    const billed = { ...show, lastHeartbeatAt: at(20_000), secondsBilled: 20, creditsCharged: 20 };
    expect(planBillingStep({ show: billed, balance: 100, now: at(15_000) })).toMatchObject({
      outcome: "billed", charge: 0, secondsBilled: 20, creditsCharged: 20, heartbeatAt: at(20_000),
    });
  });

  it("ends a stale show at its last heartbeat without billing", () => {
    const stale = { ...show, lastHeartbeatAt: at(20_000), secondsBilled: 20, creditsCharged: 20 };
    expect(planBillingStep({ show: stale, balance: 100, now: at(65_001) })).toEqual({ outcome: "timeout", endedAt: at(20_000) });
  });
});

describe("minimumSeconds (API.md v1.1)", () => {
  const show = { startedAt: t0, lastHeartbeatAt: t0, ratePerMinute: 60, minimumSeconds: 300, secondsBilled: 0, creditsCharged: 0 };

  it("charges the minimum at the first billing step, the accept itself", () => {
    expect(planBillingStep({ show, balance: 1000, now: t0 })).toMatchObject({
      outcome: "billed", secondsBilled: 0, charge: 300, creditsCharged: 300, secondsRemaining: 1000,
    });
  });

  it("charges nothing more until the show outlasts the minimum, then per second", () => {
    const paid = { ...show, creditsCharged: 300, lastHeartbeatAt: at(110_000), secondsBilled: 110 };
    expect(planBillingStep({ show: paid, balance: 700, now: at(120_000) })).toMatchObject({ charge: 0, secondsBilled: 120, creditsCharged: 300 });
    const late = { ...paid, lastHeartbeatAt: at(300_000), secondsBilled: 300 };
    expect(planBillingStep({ show: late, balance: 700, now: at(310_000) })).toMatchObject({ charge: 10, secondsBilled: 310, creditsCharged: 310 });
  });

  it("needs credits for max(60, minimumSeconds) seconds to start", () => {
    expect(creditsToStart({ ratePerMinute: 60, minimumSeconds: 0 })).toBe(60);
    expect(creditsToStart({ ratePerMinute: 60, minimumSeconds: 30 })).toBe(60);
    expect(creditsToStart({ ratePerMinute: 60, minimumSeconds: 300 })).toBe(300);
    expect(creditsToStart({ ratePerMinute: 7, minimumSeconds: 90 })).toBe(11);
  });
});
