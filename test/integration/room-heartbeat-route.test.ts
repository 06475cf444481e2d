import { beforeEach, describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { POST } from "@/app/api/shows/[id]/heartbeat/route";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { endShow } from "@/lib/server/shows/end-show";
import { createActiveShow, createViewer, showLedgerCharged } from "@/test/helpers/factories";

// The route as Next.js calls it, with the session faked at next-auth: the real requireUser still
// reads the user and their role from the database.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
const session = vi.mocked(getServerSession);
const signIn = (userId: number | null) => session.mockResolvedValue(userId === null ? null : { user: { id: userId, sessionVersion: 0 } });

async function heartbeat(showId: number | string) {
  const site = new URL(loadEnv().APP_URL).origin;
  const request = new Request(`${site}/api/shows/${showId}/heartbeat`, { method: "POST", headers: { origin: site, "content-type": "application/json" }, body: "{}" });
  const response = await POST(request, {
    params: Promise.resolve({ id: String(showId) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}

beforeEach(() => session.mockReset());

describe("POST /api/shows/[id]/heartbeat", () => {
  it("bills the signed-in viewer's own active show and answers the meter", async () => {
    const { show, viewer } = await createActiveShow({ credits: 600, ratePerMinute: 60, startedAt: new Date(Date.now() - 20_000) });
    signIn(viewer.id);
    const { status, body } = await heartbeat(show.id);
    expect(status).toBe(200);
    expect(body.billing).toMatchObject({ showId: show.id, status: "active", endReason: null });
    const billed = await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } });
    expect(billed.secondsBilled).toBeGreaterThanOrEqual(20);
    expect(await showLedgerCharged(show.id)).toBe(billed.creditsCharged);
    expect(body.billing).toMatchObject({ creditsCharged: billed.creditsCharged, credits: 600 - billed.creditsCharged });
  });

  it("refuses anyone else: signed out 401, a performer 403, another viewer 404 (the show is not theirs), a bad id 422", async () => {
    const { show, performer } = await createActiveShow({ credits: 600, startedAt: new Date() });
    const stranger = await createViewer({ credits: 100 });
    signIn(null);
    expect(await heartbeat(show.id)).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    signIn(performer.userId);
    expect(await heartbeat(show.id)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    signIn(stranger.id);
    expect(await heartbeat(show.id)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await heartbeat("abc")).toMatchObject({ status: 422 });
    // None of these billed anything.
    expect(await showLedgerCharged(show.id)).toBe(0);
    // A blocked viewer's session no longer counts.
    const { show: own, viewer } = await createActiveShow({ credits: 600, startedAt: new Date() });
    await prisma.user.update({ where: { id: viewer.id }, data: { blocked: true } });
    signIn(viewer.id);
    expect((await heartbeat(own.id)).status).toBe(401);
  });

  it("answers the final figures of a show that has ended (e.g. ended by the performer meanwhile)", async () => {
    const { show, viewer } = await createActiveShow({ credits: 600, ratePerMinute: 60, startedAt: new Date(Date.now() - 5_000) });
    const ended = await endShow({ showId: show.id, reason: "performer_left" });
    signIn(viewer.id);
    const { status, body } = await heartbeat(show.id);
    expect(status).toBe(200);
    expect(body.billing).toMatchObject({ status: "ended", endReason: "performer_left", secondsRemaining: 0, creditsCharged: ended.creditsCharged });
  });

  it("ends the show when the credits run out (credits_exhausted)", async () => {
    const { show, viewer } = await createActiveShow({ credits: 600, ratePerMinute: 600, startedAt: new Date(Date.now() - 30_000) });
    // 30 s at 600/min is 300 credits: spend the rest elsewhere first.
    await prisma.$transaction(async (tx) => {
      const { applyCreditChange } = await import("@/lib/server/ledger/apply-credit-change");
      await applyCreditChange(tx, { userId: viewer.id, delta: -500, kind: "admin_adjustment", reference: "test", idempotencyKey: `test:drain:${viewer.id}` });
    });
    signIn(viewer.id);
    const { body } = await heartbeat(show.id);
    expect(body.billing).toMatchObject({ status: "ended", endReason: "credits_exhausted", secondsRemaining: 0, credits: 0, creditsCharged: 100 });
  });
});
