import { afterEach, describe, expect, it, vi } from "vitest";

// The IPN retention runs in the sweeper in its own try: a failing show sweep or IPN retry never stops
// it, and it deletes by IPN_RETENTION_DAYS.

const calls = vi.hoisted(() => ({ purgeIpn: [] as Date[] }));
vi.mock("@/lib/env", () => ({ loadEnv: () => ({ IPN_RETENTION_DAYS: 7 }) }));
vi.mock("@/lib/server/shows/expire-stale-shows", () => ({ expireStaleShows: vi.fn(async () => Promise.reject(new Error("a stuck show"))) }));
vi.mock("@/lib/server/paypal/retry-unfinished-ipn", () => ({ retryUnfinishedIpn: vi.fn(async () => 0) }));
vi.mock("@/lib/server/chat-api/idempotency", () => ({ RETENTION_MS: 1, purgeIdempotencyRecords: vi.fn(async () => 0) }));
vi.mock("@/lib/server/paypal/purge-unverified-ipn", () => ({
  purgeUnverifiedIpn: vi.fn(async ({ olderThan }: { olderThan: Date }) => {
    calls.purgeIpn.push(olderThan);
    return 0;
  }),
}));

afterEach(() => vi.useRealTimers());

describe("startSweeper", () => {
  it("purges never-verified IPNs older than IPN_RETENTION_DAYS even when the show sweep fails", async () => {
    vi.useFakeTimers({ now: new Date("2030-06-15T12:00:00Z") });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { startSweeper } = await import("./start-sweeper");
    startSweeper();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls.purgeIpn).toHaveLength(1);
    expect(calls.purgeIpn[0]!.toISOString()).toBe("2030-06-08T12:00:05.000Z");
  });
});
