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

describe("group and ticket show endpoints", () => {
  it("runs a group show through the API: open, join, start (non-payer sent away), heartbeat, end", async () => {
    const performer = await createPerformer();
    await prisma.performer.update({ where: { id: performer.id }, data: { groupRatePerMinute: 60 } });
    const [a, b, poor] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 }), createViewer({ credits: 60 })]);
    const opened = await call<Body>("POST", `/performers/${performer.id}/group-shows`, { minViewers: 2, waitSeconds: 600 });
    expect(opened).toMatchObject({ status: 201, body: { groupShow: { status: "waiting", ratePerMinute: 60, minViewers: 2, seats: [] } } });
    const id = opened.body.groupShow.id;
    const seats: Body[] = [];
    for (const v of [a, b, poor]) seats.push((await call<Body>("POST", `/group-shows/${id}/join`, { userId: v.id })).body.show);
    expect(seats.map((s) => [s.kind, s.status])).toEqual([["group", "requested"], ["group", "requested"], ["group", "requested"]]);
    await call("POST", "/tips", { userId: poor.id, performerId: performer.id, credits: 1 });
    const started = await call<Body>("POST", `/group-shows/${id}/start`);
    expect(started.body.groupShow.seats.map((s: Body) => s.status)).toEqual(["active", "active", "cancelled"]);
    expect((await call<Body>("POST", `/shows/${seats[0]!.id}/heartbeat`)).body.show).toMatchObject({ kind: "group", status: "active" });
    const ended = await call<Body>("POST", `/group-shows/${id}/end`);
    expect(ended.body.groupShow.status).toBe("ended");
    expect((await call<Body>("GET", `/group-shows/${id}`)).body.groupShow.seats.map((s: Body) => s.status)).toEqual(["ended", "ended", "cancelled"]);
    for (const v of [a, b, poor]) expect(await ledgerSum(v.id)).toBe((await prisma.user.findUniqueOrThrow({ where: { id: v.id } })).credits);
  });

  it("answers group_minimum_not_reached and keeps the seats waiting", async () => {
    const performer = await createPerformer();
    const viewer = await createViewer({ credits: 500 });
    const { body } = await call<Body>("POST", `/performers/${performer.id}/group-shows`, { minViewers: 3, waitSeconds: 600 });
    await call("POST", `/group-shows/${body.groupShow.id}/join`, { userId: viewer.id });
    const start = await call<Body>("POST", `/group-shows/${body.groupShow.id}/start`);
    expect({ status: start.status, code: start.body.error.code }).toEqual({ status: 409, code: "group_minimum_not_reached" });
    expect((await call<Body>("POST", `/performers/${performer.id}/group-shows`, { minViewers: 0, waitSeconds: 600 })).status).toBe(422);
  });

  it("sells tickets, refuses the sold-out, and refunds on cancel; holders are listed", async () => {
    const performer = await createPerformer();
    await prisma.performer.update({ where: { id: performer.id }, data: { ticketPrice: 40 } });
    const [a, b] = await Promise.all([createViewer({ credits: 100 }), createViewer({ credits: 100 })]);
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await call<Body>("POST", `/performers/${performer.id}/ticket-shows`, { title: "Night", startsAt, seats: 1 });
    expect(scheduled).toMatchObject({ status: 201, body: { ticketShow: { title: "Night", price: 40, seats: 1, sold: 0, status: "scheduled", holders: [] } } });
    const id = scheduled.body.ticketShow.id;
    const bought = await call<Body>("POST", `/ticket-shows/${id}/tickets`, { userId: a.id }, { idempotencyKey: `ticket-${a.id}` });
    expect(bought).toMatchObject({ status: 201, body: { ticket: { price: 40, userId: a.id }, user: { id: a.id, credits: 60 } } });
    expect((await call<Body>("POST", `/ticket-shows/${id}/tickets`, { userId: a.id }, { idempotencyKey: `ticket-${a.id}` })).body).toEqual(bought.body);
    const soldOut = await call<Body>("POST", `/ticket-shows/${id}/tickets`, { userId: b.id });
    expect({ status: soldOut.status, code: soldOut.body.error.code }).toEqual({ status: 409, code: "sold_out" });
    expect((await call<Body>("GET", `/ticket-shows/${id}`)).body.ticketShow.holders).toEqual([a.id]);
    const start = await call<Body>("POST", `/ticket-shows/${id}/start`);
    expect(start.body.error.code).toBe("invalid_transition");
    const cancelled = await call<Body>("POST", `/ticket-shows/${id}/cancel`);
    expect(cancelled.body.ticketShow).toMatchObject({ status: "cancelled", cancelReason: "cancelled by the performer", holders: [] });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.id } })).credits).toBe(100);
    expect(await ledgerSum(a.id)).toBe(100);
  });
});
