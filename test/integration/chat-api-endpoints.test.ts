import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { ZHeartbeatResponse, ZPerformersResponse, ZShow, ZTipResponse, ZUserResponse } from "@/lib/validations/chat-api";
import { call, snapshot } from "@/test/helpers/chat-api";
import { createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

// Every endpoint of API.md through its route handler: the success path and each documented error
// code, with real signed Requests against the real database.

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NO_SUCH_ID = 2_000_000_000;

beforeAll(async () => {
  // 600 credits for 10.00 → 0.016667 per credit.
  await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
});

async function expectError(promise: Promise<{ status: number; body: unknown; headers: Headers }>, status: number, code: string) {
  const response = await promise;
  expect({ status: response.status, code: (response.body as Body).error?.code }).toEqual({ status, code });
  expect(Object.keys(response.body as Body)).toEqual(["error"]);
  expect(typeof (response.body as Body).error.message).toBe("string");
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return response.body as Body;
}

async function requestedShow(options: { credits?: number; rate?: number } = {}) {
  const viewer = await createViewer({ credits: options.credits ?? 1000 });
  const performer = await createPerformer({ ratePerMinute: options.rate ?? 60 });
  const { status, body } = await call<Body>("POST", "/shows", { userId: viewer.id, performerId: performer.id });
  expect(status).toBe(201);
  return { viewer, performer, show: body.show as Body };
}

async function activeShow(options: { credits?: number; rate?: number } = {}) {
  const setup = await requestedShow(options);
  const { status, body } = await call<Body>("POST", `/shows/${setup.show.id}/accept`);
  expect(status).toBe(200);
  return { ...setup, show: body.show as Body };
}

describe("GET /performers", () => {
  it("lists exactly the contract's fields, online first, then busy, then offline, filtered by status", async () => {
    const offline = await createPerformer({ status: "offline" });
    const online = await createPerformer();
    const { performer: busy } = await activeShow();
    await prisma.performer.update({ where: { id: online.id }, data: { photos: ["/photos/a.jpg"] } });

    const { status, body, headers } = await call<Body>("GET", "/performers");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(ZPerformersResponse.strict().safeParse(body).success).toBe(true);
    const list = body.performers as Body[];
    for (const p of list) expect(Object.keys(p).sort()).toEqual(["displayName", "id", "image", "ratePerMinute", "status", "username"]);
    const rank = { online: 0, busy: 1, offline: 2 } as const;
    const ranks = list.map((p) => rank[p.status as keyof typeof rank]);
    expect(ranks).toEqual([...ranks].sort());
    // Absolute, from APP_URL, so a chat server on another host can load it.
    expect(list.find((p) => p.id === online.id)).toMatchObject({ status: "online", image: `${loadEnv().APP_URL.replace(/\/$/, "")}/photos/a.jpg`, ratePerMinute: 60 });
    expect(list.find((p) => p.id === offline.id)?.image).toBeNull();
    expect(list.find((p) => p.id === busy.id)?.status).toBe("busy");
    expect(list.find((p) => p.id === offline.id)?.status).toBe("offline");

    for (const filter of ["online", "busy", "offline"] as const) {
      const filtered = await call<Body>("GET", `/performers?status=${filter}`);
      expect(filtered.status).toBe(200);
      expect((filtered.body.performers as Body[]).length).toBeGreaterThan(0);
      expect((filtered.body.performers as Body[]).every((p) => p.status === filter)).toBe(true);
    }
  });

  it("answers 422 naming the field for an unknown status", async () => {
    const body = await expectError(call("GET", "/performers?status=away"), 422, "invalid_request");
    expect(body.error.message).toContain("status");
  });
});

describe("PUT /performers/{id}/status", () => {
  it("sets a performer offline and online", async () => {
    const performer = await createPerformer();
    await prisma.performer.update({ where: { id: performer.id }, data: { photos: ["/uploads/b.jpg"] } });
    const off = await call<Body>("PUT", `/performers/${performer.id}/status`, { status: "offline" });
    expect(off.status).toBe(200);
    expect(Object.keys(off.body.performer).sort()).toEqual(["displayName", "id", "image", "ratePerMinute", "status", "username"]);
    expect(off.body.performer).toMatchObject({ id: performer.id, status: "offline", image: new URL("/uploads/b.jpg", loadEnv().APP_URL).href });
    const on = await call<Body>("PUT", `/performers/${performer.id}/status`, { status: "online" });
    expect(on.body.performer.status).toBe("online");
  });

  it("going offline during a show ends it with reason performer_left", async () => {
    const { performer, show } = await activeShow();
    const { body } = await call<Body>("PUT", `/performers/${performer.id}/status`, { status: "offline" });
    expect(body.performer.status).toBe("offline");
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ status: "ended", endReason: "performer_left" });
  });

  it("answers 404 for an unknown performer and 422 for busy (not settable)", async () => {
    await expectError(call("PUT", `/performers/${NO_SUCH_ID}/status`, { status: "online" }), 404, "not_found");
    const performer = await createPerformer();
    await expectError(call("PUT", `/performers/${performer.id}/status`, { status: "busy" }), 422, "invalid_request");
  });
});

describe("GET /users/{id}", () => {
  it("returns the user's status", async () => {
    await createPerformer({ ratePerMinute: 30 });
    const viewer = await createViewer({ credits: 100 });
    const { status, body } = await call<Body>("GET", `/users/${viewer.id}`);
    expect(status).toBe(200);
    expect(ZUserResponse.strict().safeParse(body).success).toBe(true);
    expect(body.user).toEqual({ id: viewer.id, username: viewer.username, role: "viewer", credits: 100, canRequestPrivate: true, activeShowId: null });
  });

  it("reports the open show", async () => {
    const { viewer, show } = await requestedShow();
    const { body } = await call<Body>("GET", `/users/${viewer.id}`);
    expect(body.user).toMatchObject({ activeShowId: show.id, canRequestPrivate: false });
  });

  it("answers 404 for an unknown user", async () => {
    await expectError(call("GET", `/users/${NO_SUCH_ID}`), 404, "not_found");
  });
});

describe("POST /shows", () => {
  it("creates a requested show: 201 and the contract's Show", async () => {
    const { show, viewer, performer } = await requestedShow({ rate: 90 });
    expect(ZShow.strict().safeParse(show).success).toBe(true);
    expect(show).toMatchObject({
      userId: viewer.id, performerId: performer.id, status: "requested", ratePerMinute: 90, startedAt: null, endedAt: null,
      endReason: null, secondsBilled: 0, creditsCharged: 0,
    });
    expect(new Date(show.requestedAt).toISOString()).toBe(show.requestedAt);
  });

  it("answers 402, 409 performer_unavailable, 409 show_in_progress, 404 and 422 as documented", async () => {
    const performer = await createPerformer({ ratePerMinute: 60 });
    const poor = await createViewer({ credits: 59 });
    await expectError(call("POST", "/shows", { userId: poor.id, performerId: performer.id }), 402, "insufficient_credits");

    const offline = await createPerformer({ status: "offline" });
    const viewer = await createViewer({ credits: 1000 });
    await expectError(call("POST", "/shows", { userId: viewer.id, performerId: offline.id }), 409, "performer_unavailable");

    const { performer: busy } = await activeShow();
    await expectError(call("POST", "/shows", { userId: viewer.id, performerId: busy.id }), 409, "performer_unavailable");

    const { viewer: waiting } = await requestedShow();
    await expectError(call("POST", "/shows", { userId: waiting.id, performerId: performer.id }), 409, "show_in_progress");

    await expectError(call("POST", "/shows", { userId: NO_SUCH_ID, performerId: performer.id }), 404, "not_found");
    await expectError(call("POST", "/shows", { userId: viewer.id, performerId: NO_SUCH_ID }), 404, "not_found");

    const other = await createPerformer();
    const performerUser = await prisma.performer.findUniqueOrThrow({ where: { id: other.id } });
    await expectError(call("POST", "/shows", { userId: performerUser.userId, performerId: performer.id }), 422, "invalid_request");
  });
});

describe("POST /shows/{id}/accept", () => {
  it("starts the show, with an empty body or {}", async () => {
    const first = await requestedShow();
    const { status, body } = await call<Body>("POST", `/shows/${first.show.id}/accept`);
    expect(status).toBe(200);
    expect(body.show).toMatchObject({ id: first.show.id, status: "active" });
    expect(body.show.startedAt).not.toBeNull();
    const wall = await call<Body>("GET", "/performers?status=busy");
    expect((wall.body.performers as Body[]).map((p) => p.id)).toContain(first.performer.id);

    const second = await requestedShow();
    const withBraces = await call<Body>("POST", `/shows/${second.show.id}/accept`, {});
    expect(withBraces.status).toBe(200);
  });

  it("answers 409 invalid_transition unless requested, 402 when the credits dropped, 404 when unknown", async () => {
    const { show } = await activeShow();
    await expectError(call("POST", `/shows/${show.id}/accept`), 409, "invalid_transition");

    const { show: requested, viewer } = await requestedShow({ credits: 100, rate: 60 });
    const other = await createPerformer();
    expect((await call("POST", "/tips", { userId: viewer.id, performerId: other.id, credits: 50 })).status).toBe(201);
    await expectError(call("POST", `/shows/${requested.id}/accept`), 402, "insufficient_credits");

    await expectError(call("POST", `/shows/${NO_SUCH_ID}/accept`), 404, "not_found");
  });
});

describe("POST /shows/{id}/decline and /cancel", () => {
  it("declines and cancels requested shows", async () => {
    const a = await requestedShow();
    const declined = await call<Body>("POST", `/shows/${a.show.id}/decline`);
    expect(declined.status).toBe(200);
    expect(declined.body.show.status).toBe("declined");
    const b = await requestedShow();
    const cancelled = await call<Body>("POST", `/shows/${b.show.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.show.status).toBe("cancelled");
  });

  it("answers 409 invalid_transition for a show not requested, 404 for an unknown one", async () => {
    const { show } = await activeShow();
    await expectError(call("POST", `/shows/${show.id}/decline`), 409, "invalid_transition");
    await expectError(call("POST", `/shows/${show.id}/cancel`), 409, "invalid_transition");
    await expectError(call("POST", `/shows/${NO_SUCH_ID}/decline`), 404, "not_found");
    await expectError(call("POST", `/shows/${NO_SUCH_ID}/cancel`), 404, "not_found");
  });
});

describe("POST /shows/{id}/heartbeat", () => {
  it("bills up to now and reports the balance and the seconds remaining", async () => {
    const { show, viewer } = await activeShow({ credits: 600, rate: 60 });
    await prisma.privateShow.update({ where: { id: show.id }, data: { startedAt: new Date(Date.now() - 30_000), lastHeartbeatAt: new Date(Date.now() - 10_000) } });
    const { status, body } = await call<Body>("POST", `/shows/${show.id}/heartbeat`);
    expect(status).toBe(200);
    expect(ZHeartbeatResponse.strict().safeParse(body).success).toBe(true);
    expect(body.show.status).toBe("active");
    expect(body.show.secondsBilled).toBeGreaterThanOrEqual(30);
    expect(body.user).toEqual({ id: viewer.id, credits: 600 - body.show.creditsCharged });
    expect(body.secondsRemaining).toBeGreaterThan(0);
    expect(await ledgerSum(viewer.id)).toBe(body.user.credits);
  });

  it("ends the show with credits_exhausted when the balance runs out", async () => {
    const { show, viewer } = await activeShow({ credits: 60, rate: 60 });
    await prisma.privateShow.update({ where: { id: show.id }, data: { startedAt: new Date(Date.now() - 120_000), lastHeartbeatAt: new Date(Date.now() - 5_000) } });
    const { body } = await call<Body>("POST", `/shows/${show.id}/heartbeat`, {});
    expect(body.show).toMatchObject({ status: "ended", endReason: "credits_exhausted", creditsCharged: 60 });
    expect(body.user).toEqual({ id: viewer.id, credits: 0 });
    expect(body.secondsRemaining).toBe(0);
  });

  it("answers 409 invalid_transition for a show not active, 404 for an unknown one", async () => {
    const { show } = await requestedShow();
    await expectError(call("POST", `/shows/${show.id}/heartbeat`), 409, "invalid_transition");
    await expectError(call("POST", `/shows/${NO_SUCH_ID}/heartbeat`), 404, "not_found");
  });
});

describe("POST /heartbeats", () => {
  it("bills many shows in the order given, reporting unknown and non-active shows in their own items", async () => {
    const a = await activeShow();
    const b = await activeShow();
    const requested = await requestedShow();
    const ids = [b.show.id, NO_SUCH_ID, a.show.id, requested.show.id];
    const { status, body } = await call<Body>("POST", "/heartbeats", { showIds: ids });
    expect(status).toBe(200);
    const results = body.results as Body[];
    expect(results.map((r) => r.showId)).toEqual(ids);
    expect(Object.keys(results[0]!).sort()).toEqual(["creditsCharged", "endReason", "secondsRemaining", "showId", "status", "userCredits"]);
    expect(results[0]).toMatchObject({ status: "active", endReason: null });
    expect(results[1]).toMatchObject({ error: { code: "not_found" } });
    expect(results[2]).toMatchObject({ status: "active" });
    expect(results[3]).toMatchObject({ error: { code: "invalid_transition" } });
  });

  it("answers 422 for no ids, more than 1000, repeated or invalid ids", async () => {
    await expectError(call("POST", "/heartbeats", { showIds: [] }), 422, "invalid_request");
    await expectError(call("POST", "/heartbeats", { showIds: Array.from({ length: 1001 }, (_, i) => i + 1) }), 422, "invalid_request");
    const repeated = await expectError(call("POST", "/heartbeats", { showIds: [1, 2, 1] }), 422, "invalid_request");
    expect(repeated.error.message).toContain("showIds");
    const invalid = await expectError(call("POST", "/heartbeats", { showIds: [1, -2] }), 422, "invalid_request");
    expect(invalid.error.message).toContain("showIds.1");
  });

  it("accepts exactly 1000 ids", async () => {
    const { status, body } = await call<Body>("POST", "/heartbeats", { showIds: Array.from({ length: 1000 }, (_, i) => NO_SUCH_ID - i) });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(1000);
  });
});

describe("POST /shows/{id}/end", () => {
  it("ends an active show, records its liveshow tip, and ending it again returns it unchanged", async () => {
    const { show } = await activeShow();
    const ended = await call<Body>("POST", `/shows/${show.id}/end`, { reason: "user_left" });
    expect(ended.status).toBe(200);
    expect(ended.body.show).toMatchObject({ status: "ended", endReason: "user_left" });
    expect(await prisma.tip.count({ where: { showId: show.id, action: "liveshow" } })).toBe(1);
    const again = await call<Body>("POST", `/shows/${show.id}/end`, { reason: "disconnected" });
    expect(again.status).toBe(200);
    expect(again.body.show).toEqual(ended.body.show);
  });

  it("answers 409 for a show never started, 404 for an unknown one, 422 for a reason the chat may not give", async () => {
    const { show } = await requestedShow();
    await expectError(call("POST", `/shows/${show.id}/end`, { reason: "user_left" }), 409, "invalid_transition");
    await expectError(call("POST", `/shows/${NO_SUCH_ID}/end`, { reason: "user_left" }), 404, "not_found");
    const body = await expectError(call("POST", `/shows/${show.id}/end`, { reason: "timeout" }), 422, "invalid_request");
    expect(body.error.message).toContain("reason");
    await expectError(call("POST", `/shows/${show.id}/end`), 422, "invalid_request");
  });
});

describe("POST /tips", () => {
  it("sends a tip: 201 with money as decimal strings and the new balance", async () => {
    const viewer = await createViewer({ credits: 100 });
    const performer = await createPerformer({ benefitPercent: "50" });
    const { status, body } = await call<Body>("POST", "/tips", { userId: viewer.id, performerId: performer.id, credits: 50 });
    expect(status).toBe(201);
    expect(ZTipResponse.strict().safeParse(body).success).toBe(true);
    expect(body.tip).toMatchObject({ credits: 50, price: "0.833", performerBenefit: "0.417" });
    expect(Number.isInteger(body.tip.id)).toBe(true);
    expect(body.user).toEqual({ id: viewer.id, credits: 50 });
    expect(await ledgerSum(viewer.id)).toBe(50);
  });

  it("answers 402, 404 and 422 as documented, changing nothing", async () => {
    const viewer = await createViewer({ credits: 10 });
    const performer = await createPerformer();
    const other = await createPerformer();
    const before = await snapshot();
    await expectError(call("POST", "/tips", { userId: viewer.id, performerId: performer.id, credits: 11 }), 402, "insufficient_credits");
    await expectError(call("POST", "/tips", { userId: NO_SUCH_ID, performerId: performer.id, credits: 1 }), 404, "not_found");
    await expectError(call("POST", "/tips", { userId: viewer.id, performerId: NO_SUCH_ID, credits: 1 }), 404, "not_found");
    const performerRow = await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } });
    await expectError(call("POST", "/tips", { userId: performerRow.userId, performerId: performer.id, credits: 1 }), 422, "invalid_request");
    const after = await snapshot();
    // The refused requests' answers are stored for their keys: only idempotency_records grew.
    expect({ ...after, idempotency: before.idempotency }).toEqual(before);
    await expectError(call("POST", "/tips", { userId: performerRow.userId, performerId: other.id, credits: 1 }), 422, "invalid_request");
  });
});

describe("unknown endpoints and methods", () => {
  it("answers 404 not_found in the API's shape for an unknown path", async () => {
    await expectError(call("GET", "/nothing-here"), 404, "not_found");
    await expectError(call("POST", "/shows/1/explode", {}), 404, "not_found");
  });
});

describe("accounts that may not spend (API.md: 403 account_blocked / account_on_hold)", () => {
  it.each([
    ["blocked", { blocked: true }, "account_blocked"],
    ["on hold", { flagged: true }, "account_on_hold"],
  ] as const)("a %s viewer gets 403 on tip, request and accept, and nothing changes", async (_name, state, code) => {
    const performer = await createPerformer();
    const viewer = await createViewer({ credits: 1000 });
    const { show: requested, viewer: waiting } = await requestedShow();
    await prisma.user.updateMany({ where: { id: { in: [viewer.id, waiting.id] } }, data: state });
    const before = await snapshot();
    await expectError(call("POST", "/tips", { userId: viewer.id, performerId: performer.id, credits: 10 }), 403, code);
    await expectError(call("POST", "/shows", { userId: viewer.id, performerId: performer.id }), 403, code);
    await expectError(call("POST", `/shows/${requested.id}/accept`), 403, code);
    const after = await snapshot();
    expect({ ...after, idempotency: before.idempotency }).toEqual(before);
    expect(await ledgerSum(viewer.id)).toBe(1000);
  });

  it("never refuses a read: GET /users/{id} answers 200 with canRequestPrivate false", async () => {
    await createPerformer();
    for (const state of [{ blocked: true }, { flagged: true }]) {
      const viewer = await createViewer({ credits: 1000 });
      await prisma.user.update({ where: { id: viewer.id }, data: state });
      const { status, body } = await call<Body>("GET", `/users/${viewer.id}`);
      expect(status).toBe(200);
      expect(body.user).toMatchObject({ id: viewer.id, credits: 1000, canRequestPrivate: false });
    }
  });
});
