import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { endGoal } from "@/lib/server/goals/end-goal";
import { listGoals } from "@/lib/server/goals/list-goals";
import { startGoal } from "@/lib/server/goals/start-goal";
import { listPerformers } from "@/lib/server/performers/list-performers";
import { getRoomState } from "@/lib/server/rooms/get-room-state";
import { listTipMenu } from "@/lib/server/tip-menu/list-tip-menu";
import { setTipMenu } from "@/lib/server/tip-menu/set-tip-menu";
import { sendMenuTip } from "@/lib/server/tips/send-menu-tip";
import { sendTip } from "@/lib/server/tips/send-tip";
import { ZGoal, ZTipMenuText } from "@/lib/validations/tip-menu";
import { createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

beforeAll(async () => {
  await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
});

async function expectLedgerBalances(userIds: number[]) {
  for (const id of userIds) expect(await ledgerSum(id)).toBe((await prisma.user.findUniqueOrThrow({ where: { id } })).credits);
}

describe("tip menu", () => {
  it("tips an item's price, records the item on the tip, and refuses items not on the menu", async () => {
    const [performer, viewer] = await Promise.all([createPerformer(), createViewer({ credits: 500 })]);
    const menu = await setTipMenu({ performerId: performer.id, items: ZTipMenuText.parse("Dance = 50\nSong = 20\n") });
    expect(menu.map((i) => [i.label, i.credits])).toEqual([["Dance", 50], ["Song", 20]]);
    const dance = menu[0]!;
    const sent = await sendMenuTip({ userId: viewer.id, performerId: performer.id, menuItemId: dance.id, expectedCredits: 50 });
    expect(sent.tip).toMatchObject({ credits: 50, item: "Dance", price: "0.833" });
    expect(await prisma.tip.findUniqueOrThrow({ where: { id: BigInt(sent.tip.id) } })).toMatchObject({ action: "tips", menuItemId: dance.id, item: "Dance", credits: 50 });

    // A changed price must be confirmed again; a retired item cannot be tipped, its tips keep their link.
    await setTipMenu({ performerId: performer.id, items: [{ label: "Dance", credits: 60 }] });
    await expect(sendMenuTip({ userId: viewer.id, performerId: performer.id, menuItemId: dance.id })).rejects.toMatchObject({ code: "not_found" });
    const [newDance] = await listTipMenu(performer.id);
    await expect(sendMenuTip({ userId: viewer.id, performerId: performer.id, menuItemId: newDance!.id, expectedCredits: 50 })).rejects.toMatchObject({ code: "invalid_request" });
    const other = await createPerformer();
    await expect(sendMenuTip({ userId: viewer.id, performerId: other.id, menuItemId: newDance!.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await prisma.tip.findUniqueOrThrow({ where: { id: BigInt(sent.tip.id) } })).item).toBe("Dance");
    await expectLedgerBalances([viewer.id]);
  });

  it("keeps an unchanged item's id when the menu is saved again", async () => {
    const performer = await createPerformer();
    const [first] = await setTipMenu({ performerId: performer.id, items: [{ label: "Flash", credits: 100 }] });
    const again = await setTipMenu({ performerId: performer.id, items: [{ label: "Wave", credits: 5 }, { label: "Flash", credits: 100 }] });
    expect(again.map((i) => i.label)).toEqual(["Wave", "Flash"]);
    expect(again[1]!.id).toBe(first!.id);
  });

  it("parses the studio's text strictly, naming the line", () => {
    expect(ZTipMenuText.safeParse("Dance 50").error?.issues[0]?.message).toContain("Line 1");
    expect(ZTipMenuText.safeParse("Dance = 0").success).toBe(false);
    expect(ZTipMenuText.safeParse(Array.from({ length: 21 }, (_, i) => `x${i} = 1`).join("\n")).success).toBe(false);
    expect(ZTipMenuText.parse("Oil = 2 = 5")).toEqual([{ label: "Oil = 2", credits: 5 }]);
    expect(ZGoal.safeParse({ title: "Oil", target: "1e3" }).success).toBe(false);
  });
});

describe("goals", () => {
  it("counts every tip towards the running goal, closes it when reached, and keeps the history", async () => {
    const performer = await createPerformer();
    const viewers = await Promise.all(Array.from({ length: 10 }, () => createViewer({ credits: 1000 })));
    const old = await startGoal({ performerId: performer.id, title: "Warm-up", target: 1000 });
    await sendTip({ userId: viewers[0]!.id, performerId: performer.id, credits: 7 });
    const goal = await startGoal({ performerId: performer.id, title: "Oil show", target: 2000 });
    expect((await prisma.goal.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("cancelled");

    // 40 tips of 60 at once: 2400 ≥ 2000. Each counts exactly once; the one that crosses closes the goal.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => sendTip({ userId: viewers[i % 10]!.id, performerId: performer.id, credits: 60 })));
    const counted = results.filter((r) => r.goal?.id === goal.id);
    const after = await prisma.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(after.status).toBe("reached");
    expect(after.reachedAt).not.toBeNull();
    const { _sum } = await prisma.tip.aggregate({ where: { goalId: goal.id }, _sum: { credits: true } });
    expect(after.collected).toBe(_sum.credits);
    expect(counted).toHaveLength(after.collected / 60);
    expect(after.collected).toBeGreaterThanOrEqual(2000);
    expect(after.collected).toBeLessThan(2060);
    expect(results.filter((r) => r.goal?.status === "reached")).toHaveLength(1);

    const history = await listGoals(performer.id);
    expect(history.map((g) => [g.title, g.status, g.collected])).toEqual([["Oil show", "reached", after.collected], ["Warm-up", "cancelled", 7]]);
    await expectLedgerBalances(viewers.map((v) => v.id));
  });

  it("shows the goal in the room (announced when reached) and on the wall card; a goal taken down disappears", async () => {
    const [performer, viewer] = await Promise.all([createPerformer(), createViewer({ credits: 100 })]);
    await setTipMenu({ performerId: performer.id, items: [{ label: "Dance", credits: 30 }] });
    await startGoal({ performerId: performer.id, title: "Dance party", target: 50 });
    const [item] = await listTipMenu(performer.id);
    await sendMenuTip({ userId: viewer.id, performerId: performer.id, menuItemId: item!.id });
    expect((await getRoomState(performer.id))!).toMatchObject({
      goal: { title: "Dance party", target: 50, collected: 30, reached: false }, tipMenu: [{ label: "Dance", credits: 30 }],
    });
    expect((await listPerformers()).find((p) => p.id === performer.id)!.goal).toEqual({ title: "Dance party", target: 50, collected: 30, reached: false });
    await sendMenuTip({ userId: viewer.id, performerId: performer.id, menuItemId: item!.id });
    expect((await getRoomState(performer.id))!.goal).toMatchObject({ collected: 60, reached: true });
    expect((await listPerformers()).find((p) => p.id === performer.id)!.goal).toBeNull();
    await startGoal({ performerId: performer.id, title: "Next", target: 10 });
    await endGoal({ performerId: performer.id });
    expect((await getRoomState(performer.id))!.goal).toMatchObject({ title: "Dance party", reached: true });
  });

  it("does not count a refused tip", async () => {
    const [performer, poor] = await Promise.all([createPerformer(), createViewer({ credits: 5 })]);
    const goal = await startGoal({ performerId: performer.id, title: "Goal", target: 100 });
    await expect(sendTip({ userId: poor.id, performerId: performer.id, credits: 50 })).rejects.toMatchObject({ code: "insufficient_credits" });
    expect((await prisma.goal.findUniqueOrThrow({ where: { id: goal.id } })).collected).toBe(0);
  });
});
