import { describe, expect, it } from "vitest";
import { createPrismaClient, prisma } from "@/lib/db/prisma";
import { forgiveRateLimitHit } from "@/lib/server/rate-limit/forgive-rate-limit-hit";
import { hitRateLimit } from "@/lib/server/rate-limit/hit-rate-limit";
import { purgeExpiredRateLimits } from "@/lib/server/rate-limit/purge-expired-rate-limits";
import { resetRateLimit } from "@/lib/server/rate-limit/reset-rate-limit";

const T0 = new Date("2030-01-01T00:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("hitRateLimit (PostgreSQL, shared by every instance)", () => {
  it("allows `limit` hits per key and window, then refuses with the seconds left in the window", async () => {
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await hitRateLimit({ key: "t:a", limit: 3, windowSeconds: 60, now: at(10) }));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false]);
    expect(verdicts[0]).toEqual({ ok: true, retryAfterSeconds: 0 });
    expect(verdicts[3]).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(await hitRateLimit({ key: "t:b", limit: 3, windowSeconds: 60, now: at(10) })).toMatchObject({ ok: true });
    // The next window starts afresh.
    expect(await hitRateLimit({ key: "t:a", limit: 3, windowSeconds: 60, now: at(60) })).toMatchObject({ ok: true });
  });

  it("counts parallel hits from two app instances (two connection pools) exactly", async () => {
    const other = createPrismaClient();
    try {
      // The second "instance" hits through its own pool; the counter is the same row.
      const hitViaOther = async () => {
        const [row] = await other.$queryRaw<{ hits: number }[]>`
          INSERT INTO rate_limits AS r (key, window_start, hits, expires_at)
          VALUES ('t:par', ${at(0)}::timestamptz, 1, ${at(60)}::timestamptz)
          ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + 1 RETURNING r.hits`;
        return row!.hits <= 10;
      };
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? hitViaOther() : hitRateLimit({ key: "t:par", limit: 10, windowSeconds: 60, now: at(5) }).then((v) => v.ok))),
      );
      expect(results.filter(Boolean)).toHaveLength(10);
      expect((await prisma.rateLimit.findFirstOrThrow({ where: { key: "t:par" } })).hits).toBe(30);
    } finally {
      await other.$disconnect();
    }
  });

  it("forgives one hit, resets a key, and purges windows that are over", async () => {
    for (let i = 0; i < 2; i++) await hitRateLimit({ key: "t:f", limit: 2, windowSeconds: 60, now: at(1) });
    await forgiveRateLimitHit({ key: "t:f", windowSeconds: 60, now: at(2) });
    expect(await hitRateLimit({ key: "t:f", limit: 2, windowSeconds: 60, now: at(3) })).toMatchObject({ ok: true });
    expect(await hitRateLimit({ key: "t:f", limit: 2, windowSeconds: 60, now: at(3) })).toMatchObject({ ok: false });
    await resetRateLimit("t:f");
    expect(await hitRateLimit({ key: "t:f", limit: 2, windowSeconds: 60, now: at(4) })).toMatchObject({ ok: true });

    await hitRateLimit({ key: "t:old", limit: 2, windowSeconds: 10, now: at(0) });
    expect(await purgeExpiredRateLimits(at(30))).toBeGreaterThanOrEqual(1);
    expect(await prisma.rateLimit.count({ where: { key: "t:old" } })).toBe(0);
    expect(await prisma.rateLimit.count({ where: { key: "t:f" } })).toBe(1);
  });

  it("refuses keys and limits it cannot hold", async () => {
    await expect(hitRateLimit({ key: "", limit: 1, windowSeconds: 1 })).rejects.toThrow(RangeError);
    await expect(hitRateLimit({ key: "x".repeat(301), limit: 1, windowSeconds: 1 })).rejects.toThrow(RangeError);
    await expect(hitRateLimit({ key: "t:z", limit: 0, windowSeconds: 1 })).rejects.toThrow(RangeError);
    await expect(hitRateLimit({ key: "t:z", limit: 1, windowSeconds: 0.5 })).rejects.toThrow(RangeError);
  });
});
