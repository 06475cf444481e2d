import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The meter shows what the next heartbeat will charge with the server's own billing function
// (lib/shows/billing.ts, outside server-only so the client can import it), not a copy of the rule.

const billing = vi.hoisted(() => ({ calls: [] as [number, number][] }));
vi.mock("@/lib/shows/billing", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/shows/billing")>();
  return {
    ...original,
    creditsOwed: (seconds: number, rate: number) => {
      billing.calls.push([seconds, rate]);
      return original.creditsOwed(seconds, rate);
    },
  };
});

const { ShowCountdown } = await import("./show-countdown");

describe("ShowCountdown", () => {
  it("counts the credits left down with the server's creditsOwed", () => {
    const update = { showId: 1, status: "active" as const, endReason: null, secondsRemaining: 100, secondsBilled: 20, creditsCharged: 10, credits: 90 };
    const html = renderToStaticMarkup(createElement(ShowCountdown, { billing: { ...update, receivedAt: Date.now() - 10_000 }, ratePerMinute: 30 }));
    expect(billing.calls).toContainEqual([30, 30]);
    // 30 s at 30/min owe 15, 10 were charged: 5 due, 85 of 90 left.
    expect(html).toMatch(/data-testid="countdown-credits">85</);
  });
});
