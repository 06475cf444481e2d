import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { billShow } from "@/lib/server/shows/bill-show";
import { endShow } from "@/lib/server/shows/end-show";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { sendTip } from "@/lib/server/tips/send-tip";
import { HISTORY_PAGE_SIZE, listHistory } from "@/lib/server/users/list-history";
import { createPerformer, createViewer } from "@/test/helpers/factories";

const t0 = new Date("2030-03-01T10:00:00.000Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

async function buy(userId: number, txnId: string, credits: number, when: Date) {
  const pack = await prisma.creditPack.create({ data: { seconds: credits, price: "10.00", description: `${credits} credits for 10.00` } });
  await prisma.purchase.create({
    data: { txnId, userId, credits, itemId: pack.id, itemName: pack.description, price: "10.00", source: "orders", log: "test", date: when },
  });
  await prisma.$transaction((tx) =>
    applyCreditChange(tx, { userId, delta: credits, kind: "purchase", reference: `paypal:${txnId}`, idempotencyKey: `paypal:${txnId}`, reason: pack.description }),
  );
}

describe("listHistory", () => {
  it("lists purchases, tips and shows (one line each, with length and total charge) newest first, adding up to the balance", async () => {
    const viewer = await createViewer();
    const performer = await createPerformer({ ratePerMinute: 60 });
    await buy(viewer.id, `TXN${viewer.id}A`, 600, at(0));
    await sendTip({ userId: viewer.id, performerId: performer.id, credits: 50, now: at(10) });
    const show = await requestShow({ userId: viewer.id, performerId: performer.id, now: at(20) });
    await acceptShow({ showId: show.id, now: at(20) });
    // Three billing steps (three ledger rows) make one history line.
    await billShow({ showId: show.id, now: at(30) });
    await billShow({ showId: show.id, now: at(40) });
    await endShow({ showId: show.id, reason: "user_left", now: at(45) });
    expect(await prisma.ledgerEntry.count({ where: { reference: `show:${show.id}` } })).toBe(3);

    const { lines, total, pages } = await listHistory(viewer.id);
    expect(total).toBe(3);
    expect(pages).toBe(1);
    expect(lines.map((l) => l.kind).sort()).toEqual(["purchase", "show", "tip"]);
    const byKind = Object.fromEntries(lines.map((l) => [l.kind, l]));
    expect(byKind.show).toMatchObject({ key: `show:${show.id}`, credits: -25, seconds: 25, performerName: performer.displayName, showActive: false });
    expect(byKind.tip).toMatchObject({ credits: -50, performerName: performer.displayName });
    expect(byKind.purchase).toMatchObject({ credits: 600, itemName: "600 credits for 10.00" });
    const balance = (await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits;
    expect(lines.reduce((sum, l) => sum + l.credits, 0)).toBe(balance);
    // Newest first.
    const times = lines.map((l) => l.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("pages through a long history without gaps or repeats, and lists a running show and an adjustment", async () => {
    const viewer = await createViewer();
    const performer = await createPerformer({ ratePerMinute: 60 });
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: viewer.id, delta: 5000, kind: "admin_adjustment", reference: "admin", idempotencyKey: `adj:${viewer.id}`, reason: "welcome bonus" }),
    );
    for (let i = 0; i < 25; i++) await sendTip({ userId: viewer.id, performerId: performer.id, credits: 1 + i, now: at(i) });
    const show = await requestShow({ userId: viewer.id, performerId: performer.id, now: at(100) });
    await acceptShow({ showId: show.id, now: at(100) });

    const first = await listHistory(viewer.id, 1);
    const second = await listHistory(viewer.id, 2);
    expect(first.total).toBe(27);
    expect(first.pages).toBe(2);
    expect(first.lines).toHaveLength(HISTORY_PAGE_SIZE);
    expect(second.lines).toHaveLength(27 - HISTORY_PAGE_SIZE);
    const keys = [...first.lines, ...second.lines].map((l) => l.key);
    expect(new Set(keys).size).toBe(27);
    expect(first.lines[0]).toMatchObject({ kind: "show", showActive: true, credits: 0 });
    expect(second.lines.find((l) => l.kind === "admin_adjustment")).toMatchObject({ credits: 5000, reason: "welcome bonus" });
    expect((await listHistory(viewer.id, 3)).lines).toEqual([]);
  });
});
