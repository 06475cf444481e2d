import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { ChatMessage } from "@/lib/realtime/room-events";
import { RealtimeHub } from "@/lib/server/realtime/hub";
import { publish } from "@/lib/server/realtime/publish";
import { RoomFeed } from "@/lib/server/rooms/room-feed";
import { sendChatMessage } from "@/lib/server/rooms/send-chat-message";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { endShow } from "@/lib/server/shows/end-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { createPerformer, createViewer } from "@/test/helpers/factories";
import { recordingConnection, sleep, waitFor } from "@/test/helpers/realtime";

// Two hubs stand for two app instances: each has its own LISTEN connection to the same database.
const hubs: RealtimeHub[] = [];
const feeds: RoomFeed[] = [];
function newHub(name: string): RealtimeHub {
  const hub = new RealtimeHub({ connectionString: process.env.DATABASE_URL!, applicationName: name, maxBackoffMs: 500, log: () => undefined });
  hubs.push(hub);
  return hub;
}

afterEach(async () => {
  await Promise.all(feeds.splice(0).map((feed) => feed.dispose()));
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

describe("RealtimeHub", () => {
  it("fans each NOTIFY out to the subscribers of every instance, whole even when split in parts, only on commit", async () => {
    const [a, b] = [newHub("hub-a"), newHub("hub-b")];
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    const gotA2: unknown[] = [];
    const stopA = await a.subscribe("test_fanout", (m) => gotA.push(m));
    await a.subscribe("test_fanout", (m) => gotA2.push(m));
    await b.subscribe("test_fanout", (m) => gotB.push(m));

    await publish("test_fanout", { n: 1 });
    const sdp = { sdp: "a=candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host\r\n".repeat(600) };
    await publish("test_fanout", sdp);
    await waitFor(() => gotA.length === 2 && gotB.length === 2 && gotA2.length === 2, "both messages on both hubs");
    expect(gotA).toEqual([{ n: 1 }, sdp]);
    expect(gotB).toEqual([{ n: 1 }, sdp]);

    // Sent in a transaction that rolls back: never delivered.
    await expect(
      prisma.$transaction(async (tx) => {
        await publish("test_fanout", { n: "rolled back" }, tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    stopA();
    await publish("test_fanout", { n: 3 });
    await waitFor(() => gotB.length === 3, "the third message");
    await sleep(100);
    expect(gotB.at(-1)).toEqual({ n: 3 });
    expect(gotA).toHaveLength(2);
    expect(gotA2).toHaveLength(3);
  });

  it("sends one statement at a time on its connection, however many channels are subscribed at once", async () => {
    // node-postgres deprecates overlapping queries on one client (pg 9 refuses them) and warns once.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const hub = newHub("hub-serial");
      const stops = await Promise.all(Array.from({ length: 20 }, (_, i) => hub.subscribe(`test_serial_${i}`, () => undefined)));
      stops.forEach((stop) => stop());
      await hub.subscribe("test_serial_0", () => undefined);
      await sleep(50);
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("reconnects after losing its connection, LISTENs again and asks subscribers to resync", async () => {
    const hub = newHub("hub-lost");
    const got: unknown[] = [];
    let resyncs = 0;
    hub.onResync(() => resyncs++);
    await hub.subscribe("test_lost", (m) => got.push(m));
    await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hub-lost'`;
    await waitFor(() => resyncs === 1 && hub.connected, "the resync after the reconnect", 10_000);
    await publish("test_lost", { after: "reconnect" });
    await waitFor(() => got.length === 1, "a message after the reconnect");
    expect(got).toEqual([{ after: "reconnect" }]);
  });
});

describe("RoomFeed across two instances", () => {
  it("delivers chat and signals to the right connections, counts viewers across instances and ejects the others from a private show", async () => {
    const performer = await createPerformer({ ratePerMinute: 60 });
    const performerUser = await prisma.user.findUniqueOrThrow({ where: { id: performer.userId } });
    const [v1, v2] = await Promise.all([createViewer({ credits: 1000 }), createViewer({ credits: 1000 })]);
    const feedA = new RoomFeed(performer.id, newHub("room-a"), "instance-a");
    const feedB = new RoomFeed(performer.id, newHub("room-b"), "instance-b");
    feeds.push(feedA, feedB);

    const owner = recordingConnection("conn-p", { id: performerUser.id, username: performerUser.username, role: "performer" }, true);
    const first = recordingConnection("conn-1", { id: v1.id, username: v1.username, role: "viewer" });
    const second = recordingConnection("conn-2", { id: v2.id, username: v2.username, role: "viewer" });
    await feedA.join(owner.connection);
    await feedA.join(first.connection);
    await feedB.join(second.connection);
    expect(first.last("state")).toEqual({ status: "online", shows: [], excluded: false, spies: 0, spyUserIds: [], spySessionId: null, canSpy: false, spyRatePerMinute: 20, goal: null, tipMenu: [], group: null, ticketShow: null });

    // Presence is gossiped: both instances count both viewers (not the performer).
    await waitFor(() => owner.last("viewers")?.count === 2 && second.last("viewers")?.count === 2, "a viewer count of 2 everywhere");

    const message: ChatMessage = await sendChatMessage({
      user: { id: v2.id, username: v2.username, role: "viewer" }, slug: performer.slug, text: "  hello from B  ",
    });
    expect(message).toMatchObject({ text: "hello from B", from: { id: v2.id, role: "viewer" } });
    await waitFor(() => [owner, first, second].every((c) => c.all("chat").length === 1), "the chat line on both instances");

    // A request is listed for the performer only (and for its viewer), not for other viewers.
    const show = await requestShow({ userId: v1.id, performerId: performer.id });
    await waitFor(() => owner.last("state")?.shows.length === 1 && first.last("state")?.shows.length === 1, "the request in the state");
    await sleep(100);
    expect(second.last("state")?.shows).toEqual([]);

    await acceptShow({ showId: show.id });
    // The other viewer (on the other instance) is told and dropped; the two parties stay.
    await waitFor(() => second.closed && second.all("kicked").length === 1, "the second viewer kicked");
    await waitFor(() => first.last("state")?.status === "busy" && owner.last("state")?.status === "busy", "busy for both parties");
    expect(first.last("state")).toMatchObject({ excluded: false, shows: [{ id: show.id, status: "active" }] });
    await waitFor(() => owner.last("viewers")?.count === 1, "a viewer count of 1");

    await endShow({ showId: show.id, reason: "user_left" });
    await waitFor(() => first.last("state")?.status === "online", "online again after the show");
    expect(first.last("state")?.shows[0]).toMatchObject({ id: show.id, status: "ended", endReason: "user_left" });
    expect(owner.last("state")?.shows[0]).toMatchObject({ id: show.id, status: "ended" });
  });

  it("a crowd joining costs the viewers already in the room neither a new state nor one count event per join", async () => {
    const performer = await createPerformer();
    const feed = new RoomFeed(performer.id, newHub("room-crowd"), "instance-crowd");
    feeds.push(feed);
    // Room users need no rows: the feed reads the performer's shows, the ids only count viewers.
    const viewer = (n: number) => recordingConnection(`conn-crowd-${n}`, { id: 900_000 + n, username: `crowd${n}`, role: "viewer" });
    const first = viewer(0);
    await feed.join(first.connection);
    const crowd = Array.from({ length: 40 }, (_, i) => viewer(i + 1));
    await Promise.all(crowd.map((c) => feed.join(c.connection)));
    await waitFor(() => first.last("viewers")?.count === 41, "a viewer count of 41");
    await sleep(600);
    expect(first.all("state")).toHaveLength(1);
    expect(first.all("viewers").length).toBeLessThanOrEqual(3);
    for (const c of crowd) expect(c.all("state")).toHaveLength(1);
    expect(crowd.at(-1)!.last("viewers")?.count).toBe(41);
  });
});
