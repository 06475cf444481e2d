import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { expireStaleShows } from "@/lib/server/shows/expire-stale-shows";
import { createActiveShow } from "@/test/helpers/factories";

// Issue 9, item 7: one show that cannot be ended (here: its price overflows ppv_tips.price) must not
// stop the sweeper from ending every other stale show, nor the IPN retries, nor the idempotency purge.

const jobs = vi.hoisted(() => ({ failShows: false, ipnRetries: 0, purges: 0 }));

vi.mock("@/lib/server/paypal/retry-unfinished-ipn", () => ({
  retryUnfinishedIpn: async () => {
    jobs.ipnRetries += 1;
  },
}));
vi.mock("@/lib/server/chat-api/idempotency", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/chat-api/idempotency")>()),
  purgeIdempotencyRecords: async () => {
    jobs.purges += 1;
    return 0;
  },
}));
vi.mock("@/lib/server/shows/expire-stale-shows", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/shows/expire-stale-shows")>();
  return {
    ...original,
    expireStaleShows: async (options: Parameters<typeof original.expireStaleShows>[0]) => {
      if (jobs.failShows) throw new Error("simulated: the database is gone");
      return original.expireStaleShows(options);
    },
  };
});

const { sweepOnce } = await import("@/lib/server/maintenance/start-sweeper");

describe("the sweeper isolates failures", () => {
  it("ends the other stale shows when one of them throws while ending", async () => {
    await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
    const startedAt = new Date(Date.now() - 10 * 60_000);
    const bad = await createActiveShow({ credits: 100, startedAt });
    const good = [await createActiveShow({ credits: 100, startedAt }), await createActiveShow({ credits: 100, startedAt })];
    // 2e9 credits × 0.016667 does not fit ppv_tips.price decimal(10,3): ending this show throws.
    await prisma.privateShow.update({ where: { id: bad.show.id }, data: { creditsCharged: 2_000_000_000 } });

    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await expireStaleShows({ limit: 500 })).toBe(2);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(`show ${bad.show.id} could not be ended`), expect.anything());
    } finally {
      errors.mockRestore();
    }
    for (const { show } of good) {
      expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ status: "ended", endReason: "timeout" });
      expect(await prisma.tip.count({ where: { showId: show.id } })).toBe(1);
    }
    expect((await prisma.privateShow.findUniqueOrThrow({ where: { id: bad.show.id } })).status).toBe("active");
  });

  it("still retries IPNs and purges idempotency records when ending the stale shows fails", async () => {
    jobs.failShows = true;
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await sweepOnce({ ipnRetry: true, purge: true });
    } finally {
      jobs.failShows = false;
      errors.mockRestore();
    }
    expect(jobs).toMatchObject({ ipnRetries: 1, purges: 1 });
  });
});
