import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { ZShow } from "@/lib/validations/chat-api";
import { call } from "@/test/helpers/chat-api";
import { createActiveShow, createViewer, ledgerSum } from "@/test/helpers/factories";

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
