import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./rate-limit";

describe("SlidingWindowLimiter", () => {
  it("allows `limit` actions in any window, per key, and says when to retry", () => {
    const limiter = new SlidingWindowLimiter(5, 10_000);
    for (let i = 0; i < 5; i++) expect(limiter.take(1, 1_000 + i)).toEqual({ ok: true });
    expect(limiter.take(1, 2_000)).toEqual({ ok: false, retryAfterMs: 9_000 });
    expect(limiter.take(2, 2_000)).toEqual({ ok: true });
    // The first action leaves the window at 11 000.
    expect(limiter.take(1, 11_000)).toEqual({ ok: true });
    expect(limiter.take(1, 11_000)).toMatchObject({ ok: false });
  });
});
