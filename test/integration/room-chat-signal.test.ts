import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { RealtimeHub } from "@/lib/server/realtime/hub";
import { connectionUser, issueConnectionId } from "@/lib/server/rooms/connection-id";
import { RoomFeed } from "@/lib/server/rooms/room-feed";
import { relaySignal } from "@/lib/server/rooms/relay-signal";
import { sendChatMessage } from "@/lib/server/rooms/send-chat-message";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { createAdmin, createPerformer, createViewer } from "@/test/helpers/factories";
import { recordingConnection, sleep, waitFor } from "@/test/helpers/realtime";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function room() {
  const performer = await createPerformer({ ratePerMinute: 60 });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: performer.userId } });
  const [a, b] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 })]);
  const as = (u: { id: number; username: string; role: "viewer" | "performer" | "admin" }) => ({ id: u.id, username: u.username, role: u.role });
  return { performer, owner: as(user), viewerA: as(a), viewerB: as(b) };
}

async function feedFor(performerId: number) {
  const hub = new RealtimeHub({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const feed = new RoomFeed(performerId, hub, "test-instance");
  cleanups.push(async () => {
    await feed.dispose();
    await hub.close();
  });
  return feed;
}

describe("chat", () => {
  it("validates the text: trimmed, not empty, at most 500 characters", async () => {
    const { performer, viewerA } = await room();
    await expect(sendChatMessage({ user: viewerA, slug: performer.slug, text: "   " })).rejects.toMatchObject({ name: "ZodError" });
    await expect(sendChatMessage({ user: viewerA, slug: performer.slug, text: "x".repeat(501) })).rejects.toMatchObject({ name: "ZodError" });
    expect((await sendChatMessage({ user: viewerA, slug: performer.slug, text: ` ${"x".repeat(500)} ` })).text).toHaveLength(500);
    // Markup is just text: the site sends it as is and React escapes it on display.
    expect((await sendChatMessage({ user: viewerA, slug: performer.slug, text: "<b>hi</b>" })).text).toBe("<b>hi</b>");
  });

  it("allows 5 lines per user in 10 s, per user, counted in PostgreSQL for every instance", async () => {
    const { performer, viewerA, viewerB } = await room();
    const t0 = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await sendChatMessage({ user: viewerA, slug: performer.slug, text: `line ${i}`, now: t0 });
    await expect(sendChatMessage({ user: viewerA, slug: performer.slug, text: "one too many", now: t0 })).rejects.toMatchObject({
      code: "too_many_requests",
    });
    expect(await prisma.rateLimit.findFirstOrThrow({ where: { key: `chat:${viewerA.id}` } })).toMatchObject({ hits: 6 });
    await sendChatMessage({ user: viewerB, slug: performer.slug, text: "someone else", now: t0 });
    await sendChatMessage({ user: viewerA, slug: performer.slug, text: "later", now: new Date(t0.getTime() + 10_001) });
  });

  it("is for the room's own performer, viewers and admins; refused in an unknown room and during someone else's private show", async () => {
    const { performer, owner, viewerA, viewerB } = await room();
    const other = await createPerformer();
    const otherUser = await prisma.user.findUniqueOrThrow({ where: { id: other.userId } });
    const admin = await createAdmin();
    expect((await sendChatMessage({ user: owner, slug: performer.slug, text: "welcome" })).from.role).toBe("performer");
    expect((await sendChatMessage({ user: { id: admin.id, username: admin.username, role: "admin" }, slug: performer.slug, text: "hi" })).from.role).toBe("admin");
    await expect(
      sendChatMessage({ user: { id: otherUser.id, username: otherUser.username, role: "performer" }, slug: performer.slug, text: "hi" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendChatMessage({ user: viewerA, slug: "no-such-room", text: "hi" })).rejects.toMatchObject({ code: "not_found" });

    const show = await requestShow({ userId: viewerA.id, performerId: performer.id });
    await acceptShow({ showId: show.id });
    await expect(sendChatMessage({ user: viewerB, slug: performer.slug, text: "let me in" })).rejects.toMatchObject({ code: "forbidden" });
    await sendChatMessage({ user: viewerA, slug: performer.slug, text: "just us" });
    await sendChatMessage({ user: owner, slug: performer.slug, text: "just us" });
  });
});

describe("signalling", () => {
  it("relays only what the sender may send, stamped with the sender, to the addressed connection", async () => {
    const { performer, owner, viewerA, viewerB } = await room();
    const feed = await feedFor(performer.id);
    const [pConn, aConn, bConn] = [issueConnectionId(owner.id), issueConnectionId(viewerA.id), issueConnectionId(viewerB.id)];
    expect(connectionUser(aConn)).toBe(viewerA.id);
    const p = recordingConnection(pConn, owner, true);
    const a = recordingConnection(aConn, viewerA);
    const b = recordingConnection(bConn, viewerB);
    for (const c of [p, a, b]) await feed.join(c.connection);

    // Forged or borrowed connection ids are refused.
    await expect(relaySignal({ user: viewerA, slug: performer.slug, from: bConn, to: "performer", data: { kind: "hello" } })).rejects.toMatchObject({ code: "forbidden" });
    const forged = `${viewerA.id}.AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA`;
    expect(connectionUser(forged)).toBeNull();
    await expect(relaySignal({ user: viewerA, slug: performer.slug, from: forged, to: "performer", data: { kind: "hello" } })).rejects.toMatchObject({ code: "forbidden" });
    // A viewer cannot reach other viewers, nor speak to the whole room as the performer would.
    await expect(relaySignal({ user: viewerA, slug: performer.slug, from: aConn, to: bConn, data: { kind: "offer", sdp: "v=0" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(relaySignal({ user: viewerA, slug: performer.slug, from: aConn, to: "audience", data: { kind: "ready" } })).rejects.toMatchObject({ code: "forbidden" });

    await relaySignal({ user: viewerA, slug: performer.slug, from: aConn, to: "performer", data: { kind: "hello" } });
    await relaySignal({ user: owner, slug: performer.slug, from: pConn, to: aConn, data: { kind: "offer", sdp: "v=0 offer for A" } });
    await relaySignal({ user: viewerA, slug: performer.slug, from: aConn, to: pConn, data: { kind: "answer", sdp: "v=0 answer" } });
    await relaySignal({ user: owner, slug: performer.slug, from: pConn, to: "audience", data: { kind: "ready" } });
    await waitFor(() => p.all("signal").length === 2 && a.all("signal").length === 2 && b.all("signal").length === 1, "the relayed signals");
    expect(p.all("signal")).toEqual([
      { from: { conn: aConn, userId: viewerA.id }, data: { kind: "hello" } },
      { from: { conn: aConn, userId: viewerA.id }, data: { kind: "answer", sdp: "v=0 answer" } },
    ]);
    expect(a.all("signal").map((s) => s.data.kind)).toEqual(["offer", "ready"]);
    expect(b.all("signal").map((s) => s.data.kind)).toEqual(["ready"]);

    // During A's private show the performer can no longer send B the stream, and B cannot signal.
    const show = await requestShow({ userId: viewerA.id, performerId: performer.id });
    await acceptShow({ showId: show.id });
    await expect(relaySignal({ user: owner, slug: performer.slug, from: pConn, to: bConn, data: { kind: "offer", sdp: "v=0" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(relaySignal({ user: viewerB, slug: performer.slug, from: bConn, to: "performer", data: { kind: "hello" } })).rejects.toMatchObject({ code: "forbidden" });
    await relaySignal({ user: owner, slug: performer.slug, from: pConn, to: aConn, data: { kind: "offer", sdp: "v=0 private" } });
    await waitFor(() => a.all("signal").length === 3, "the private offer");
    await sleep(50);
    expect(b.all("signal")).toHaveLength(1);
  });
});
