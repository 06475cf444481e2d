import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { createPack } from "@/lib/server/packs/create-pack";
import { deletePack } from "@/lib/server/packs/delete-pack";
import { listAdminPacks } from "@/lib/server/packs/list-admin-packs";
import { setPackActive } from "@/lib/server/packs/set-pack-active";
import { updatePack } from "@/lib/server/packs/update-pack";
import { listCreditPacks } from "@/lib/server/paypal/list-credit-packs";
import { ZCreditPack } from "@/lib/validations/admin/credit-pack";
import { createAdmin, createViewer } from "@/test/helpers/factories";

let actorId: number;
beforeAll(async () => {
  actorId = (await createAdmin()).id;
});

const pack = (overrides: Record<string, string> = {}) => ZCreditPack.parse({ credits: "600", price: "10.00", currency: "usd", description: "600 credits", ...overrides });

describe("credit pack validation", () => {
  it("names each bad field", () => {
    const result = ZCreditPack.safeParse({ credits: "0", price: "0.00", currency: "dollars", description: " " });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["credits", "price", "currency", "description"]));
    for (const price of ["1.234", "-1", "abc", "1e3", "12345678901.00", ""]) expect(ZCreditPack.safeParse({ ...pack(), credits: "1", price }).success, price).toBe(false);
    expect(ZCreditPack.safeParse({ credits: "1.5", price: "1", currency: "USD", description: "x" }).success).toBe(false);
    expect(pack({ price: "0.5" })).toMatchObject({ credits: 600, price: "0.5", currency: "USD" });
  });
});

describe("credit packs", () => {
  it("creates, edits, deactivates and reactivates; viewers only see active packs", async () => {
    const { id } = await createPack({ actorId, input: pack({ credits: "250", price: "4.99", description: "Quarter" }) });
    expect((await listCreditPacks()).map((p) => p.id)).toContain(id);
    await updatePack({ actorId, packId: id, input: pack({ credits: "300", price: "5.49", currency: "EUR", description: "Bigger" }) });
    const row = await prisma.creditPack.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ seconds: 300, currency: "EUR", description: "Bigger", active: true });
    expect(row.price.toFixed(2)).toBe("5.49");
    await setPackActive({ actorId, packId: id, active: false });
    expect((await listCreditPacks()).map((p) => p.id)).not.toContain(id);
    expect((await listAdminPacks()).find((p) => p.id === id)).toMatchObject({ active: false, purchases: 0 });
    await setPackActive({ actorId, packId: id, active: true });
    expect((await listCreditPacks()).map((p) => p.id)).toContain(id);
    await expect(updatePack({ actorId, packId: 999_999, input: pack() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes a pack nobody bought, but a bought or ordered pack can only be deactivated", async () => {
    const unbought = await createPack({ actorId, input: pack({ description: "never sold" }) });
    await deletePack({ actorId, packId: unbought.id });
    expect(await prisma.creditPack.findUnique({ where: { id: unbought.id } })).toBeNull();

    const viewer = await createViewer();
    const bought = await createPack({ actorId, input: pack({ description: "sold" }) });
    await prisma.purchase.create({
      data: { txnId: "TESTTXN0000000001", userId: viewer.id, price: "10.00", credits: 600, itemId: bought.id, itemName: "sold", log: "test", source: "ipn" },
    });
    await expect(deletePack({ actorId, packId: bought.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/deactivate/) });
    expect(await prisma.creditPack.findUnique({ where: { id: bought.id } })).not.toBeNull();
    await setPackActive({ actorId, packId: bought.id, active: false });
    expect((await listAdminPacks()).find((p) => p.id === bought.id)).toMatchObject({ active: false, purchases: 1 });

    const ordered = await createPack({ actorId, input: pack({ description: "ordered" }) });
    await prisma.paypalOrder.create({ data: { id: "ORDER-1", requestId: "req-1", userId: viewer.id, itemId: ordered.id, amount: "10.00", currency: "USD" } });
    await expect(deletePack({ actorId, packId: ordered.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(deletePack({ actorId, packId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a delete racing a purchase never leaves a purchase without its pack", async () => {
    const viewer = await createViewer();
    for (let round = 0; round < 5; round++) {
      const { id } = await createPack({ actorId, input: pack({ description: `race ${round}` }) });
      const [deleted, bought] = await Promise.allSettled([
        deletePack({ actorId, packId: id }),
        prisma.purchase.create({
          data: { txnId: `RACE${round}XXXXXXXXXXXX`, userId: viewer.id, price: "10.00", credits: 600, itemId: id, itemName: "race", log: "t", source: "ipn" },
        }),
      ]);
      // Exactly one wins: either the pack is gone and no purchase points at it, or the purchase exists and the pack stays.
      expect([deleted.status, bought.status].sort()).toEqual(["fulfilled", "rejected"]);
      if (deleted.status === "rejected") expect(deleted.reason).toMatchObject({ code: "conflict" });
      expect(await prisma.creditPack.count({ where: { id } })).toBe(bought.status === "fulfilled" ? 1 : 0);
    }
  });
});
