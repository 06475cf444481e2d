import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { ledgerSum } from "@/test/helpers/factories";

describe("demo data", () => {
  it("loads once into an empty database, with books that balance", async () => {
    expect(await seedDemoData(prisma)).toBe(true);
    const counts = async () => ({
      users: await prisma.user.count(),
      ledger: await prisma.ledgerEntry.count(),
      tips: await prisma.tip.count(),
    });
    const first = await counts();
    expect(await seedDemoData(prisma)).toBe(false);
    expect(await counts()).toEqual(first);

    expect(await prisma.user.count({ where: { role: "admin" } })).toBe(1);
    expect(await prisma.performer.count()).toBe(8);
    expect(new Set((await prisma.performer.findMany()).map((p) => p.status))).toEqual(new Set(["online", "offline"]));
    expect(await prisma.creditPack.findFirst({ where: { seconds: 600, price: "10.00" } })).not.toBeNull();
    expect(await prisma.tip.count({ where: { action: "tips" } })).toBeGreaterThan(0);
    expect(await prisma.tip.count({ where: { action: "liveshow" } })).toBeGreaterThan(0);

    const viewers = await prisma.user.findMany({ where: { role: "viewer" } });
    expect(viewers).toHaveLength(3);
    for (const viewer of viewers) {
      expect(viewer.credits).toBeGreaterThan(0);
      expect(await ledgerSum(viewer.id)).toBe(viewer.credits);
    }
    for (const show of await prisma.privateShow.findMany({ include: { tip: true } })) {
      expect(show.tip?.credits).toBe(show.creditsCharged);
    }
  });

  it("loads nothing twice when two starts race", async () => {
    // The first test of this file already seeded; a fresh race on the same database must add nothing.
    const before = await prisma.user.count();
    const results = await Promise.all([seedDemoData(prisma), seedDemoData(prisma)]);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await prisma.user.count()).toBe(before);
  });
});
