import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { ZShow } from "@/lib/validations/chat-api";
import { call } from "@/test/helpers/chat-api";
import { startGoal } from "@/lib/server/goals/start-goal";
import { setTipMenu } from "@/lib/server/tip-menu/set-tip-menu";
import { createActiveShow, createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

// The show-mode endpoints of the chat API (API.md "Growing the API"): signed, idempotent, the same
// error shape and codes, the same billing rule per paying viewer.

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
});

describe("spy endpoints", () => {
  it("starts a spy session, counts it, bills it by heartbeat and ends it; the key replays without a second session", async () => {
    const { show, performer } = await createActiveShow({ credits: 1000, startedAt: new Date() });
    await prisma.performer.update({ where: { id: performer.id }, data: { spyRatePerMinute: 30 } });
    const spy = await createViewer({ credits: 300 });
    const first = await call<Body>("POST", `/shows/${show.id}/spies`, { userId: spy.id }, { idempotencyKey: `spy-${spy.id}` });
    expect(first.status).toBe(201);
    const session = ZShow.parse(first.body.show);
    expect(session).toMatchObject({ kind: "spy", parentShowId: show.id, status: "active", ratePerMinute: 30, userId: spy.id });
    const again = await call<Body>("POST", `/shows/${show.id}/spies`, { userId: spy.id }, { idempotencyKey: `spy-${spy.id}` });
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect((await call<Body>("GET", `/shows/${show.id}/spies`)).body).toEqual({ showId: show.id, spies: 1 });

    expect((await call<Body>("POST", `/shows/${session.id}/heartbeat`)).body.show).toMatchObject({ status: "active", kind: "spy" });
    const ended = await call<Body>("POST", `/shows/${session.id}/end`, { reason: "user_left" });
    expect(ended.body.show).toMatchObject({ status: "ended", endReason: "user_left" });
    expect((await call<Body>("GET", `/shows/${show.id}/spies`)).body.spies).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: spy.id } });
    expect(user.credits).toBe(300 - ended.body.show.creditsCharged);
    expect(await ledgerSum(spy.id)).toBe(user.credits);
  });

  it("answers the documented codes", async () => {
    const { show, viewer } = await createActiveShow({ credits: 1000, startedAt: new Date() });
    const poor = await createViewer({ credits: 1 });
    const code = async (path: string, body: unknown, method: "POST" | "PUT" = "POST") => {
      const { status, body: answer } = await call<Body>(method, path, body, { idempotencyKey: crypto.randomUUID() });
      return `${status} ${answer.error?.code ?? "ok"}`;
    };
    expect(await code(`/shows/${show.id}/spies`, { userId: poor.id })).toBe("402 insufficient_credits");
    expect(await code(`/shows/${show.id}/spies`, { userId: viewer.id })).toBe("422 invalid_request");
    expect(await code(`/shows/${show.id}/spies`, { userId: 2_000_000_000 })).toBe("404 not_found");
    expect(await code(`/shows/2000000000/spies`, { userId: poor.id })).toBe("404 not_found");
    expect(await code(`/shows/${show.id}/spies`, { user: 1 })).toBe("422 invalid_request");
    expect(await code(`/shows/${show.id}/spying`, { allowed: false }, "PUT")).toBe("200 ok");
    expect(await code(`/shows/${show.id}/spies`, { userId: (await createViewer({ credits: 500 })).id })).toBe("409 spying_disabled");
    expect(await code(`/shows/${show.id}/spying`, { allowed: "no" }, "PUT")).toBe("422 invalid_request");
    expect((await call<Body>("GET", `/shows/2000000000/spies`)).status).toBe(404);
  });
});

describe("tip menu and goal endpoints", () => {
  it("lists the menu, tips an item once per key, counts it towards the goal and reports the goal", async () => {
    const [performer, viewer] = await Promise.all([createPerformer(), createViewer({ credits: 500 })]);
    const [dance] = await setTipMenu({ performerId: performer.id, items: [{ label: "Dance", credits: 50 }, { label: "Song", credits: 20 }] });
    await startGoal({ performerId: performer.id, title: "Oil show", target: 100 });
    expect((await call<Body>("GET", `/performers/${performer.id}/tip-menu`)).body).toEqual({
      items: [{ id: dance!.id, label: "Dance", credits: 50 }, { id: expect.any(Number), label: "Song", credits: 20 }],
    });
    const body = { userId: viewer.id, performerId: performer.id, menuItemId: dance!.id };
    const first = await call<Body>("POST", "/menu-tips", body, { idempotencyKey: "menu-tip-1" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ tip: { credits: 50, item: "Dance" }, user: { id: viewer.id, credits: 450 }, goal: { title: "Oil show", collected: 50, status: "active" } });
    expect((await call<Body>("POST", "/menu-tips", body, { idempotencyKey: "menu-tip-1" })).body).toEqual(first.body);
    expect((await call<Body>("GET", `/performers/${performer.id}/goal`)).body.goal).toMatchObject({ collected: 50, target: 100 });
    expect(await prisma.tip.count({ where: { performerId: performer.id, item: "Dance" } })).toBe(1);
    expect(await ledgerSum(viewer.id)).toBe(450);
  });

  it("answers the documented codes", async () => {
    const [performer, poor] = await Promise.all([createPerformer(), createViewer({ credits: 10 })]);
    const [item] = await setTipMenu({ performerId: performer.id, items: [{ label: "Flash", credits: 100 }] });
    const code = async (body: unknown) => {
      const { status, body: answer } = await call<Body>("POST", "/menu-tips", body, { idempotencyKey: crypto.randomUUID() });
      return `${status} ${answer.error?.code ?? "ok"}`;
    };
    expect(await code({ userId: poor.id, performerId: performer.id, menuItemId: item!.id })).toBe("402 insufficient_credits");
    expect(await code({ userId: poor.id, performerId: performer.id, menuItemId: 2_000_000_000 })).toBe("404 not_found");
    expect(await code({ userId: poor.id, performerId: performer.id })).toBe("422 invalid_request");
    expect((await call<Body>("GET", "/performers/2000000000/tip-menu")).status).toBe(404);
    expect((await call<Body>("GET", "/performers/2000000000/goal")).status).toBe(404);
    expect((await call<Body>("GET", `/performers/${performer.id}/goal`)).body).toEqual({ goal: null });
  });
});
