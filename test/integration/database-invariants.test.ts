import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { applyMigrations } from "@/lib/db/migrate";
import { createPerformer, createViewer } from "@/test/helpers/factories";

describe("migrations and database invariants", () => {
  it("records migrations as Prisma does and applies nothing twice", async () => {
    const rows = await prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("keeps the ledger append-only", async () => {
    const viewer = await createViewer({ credits: 10 });
    await expect(prisma.$executeRaw`UPDATE ledger_entries SET delta = 1000 WHERE user_id = ${viewer.id}`).rejects.toThrow();
    await expect(prisma.$executeRaw`DELETE FROM ledger_entries WHERE user_id = ${viewer.id}`).rejects.toThrow();
  });

  it("refuses a negative balance that is not flagged", async () => {
    const viewer = await createViewer();
    await expect(prisma.$executeRaw`UPDATE users SET credits = -1 WHERE id = ${viewer.id}`).rejects.toThrow();
  });

  it("allows one requested-or-active show per viewer and one active show per performer", async () => {
    const [viewer, other, performer] = await Promise.all([createViewer(), createViewer(), createPerformer()]);
    const show = { performerId: performer.id, ratePerMinute: 60 };
    await prisma.privateShow.create({ data: { ...show, userId: viewer.id, status: "requested" } });
    await expect(prisma.privateShow.create({ data: { ...show, userId: viewer.id, status: "requested" } })).rejects.toMatchObject({ code: "P2002" });
    await prisma.privateShow.create({ data: { ...show, userId: other.id, status: "active", startedAt: new Date() } });
    await prisma.privateShow.updateMany({ where: { userId: viewer.id }, data: { status: "cancelled" } });
    const third = await createViewer();
    await expect(prisma.privateShow.create({ data: { ...show, userId: third.id, status: "active" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses a PayPal txn_id twice", async () => {
    const viewer = await createViewer();
    const pack = await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
    const row = { txnId: "9AB12345CD6789012", userId: viewer.id, price: "10.00", credits: 600, itemId: pack.id, itemName: "600", log: "x", source: "ipn" as const };
    await prisma.purchase.create({ data: row });
    await expect(prisma.purchase.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
  });
});
