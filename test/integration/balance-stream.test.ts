import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { BalanceUpdate } from "@/lib/realtime/balance-events";
import { BalanceFeed } from "@/lib/server/balance/balance-feed";
import { getBalance } from "@/lib/server/balance/get-balance";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { RealtimeHub } from "@/lib/server/realtime/hub";
import { roomChannel, type RoomMessage } from "@/lib/server/rooms/room-channel";
import { billShows } from "@/lib/server/shows/bill-shows";
import { sendTip } from "@/lib/server/tips/send-tip";
import { adjustCredits } from "@/lib/server/users/adjust-credits";
import { createActiveShows, createAdmin, createPerformer, createViewer } from "@/test/helpers/factories";
import { sleep, waitFor } from "@/test/helpers/realtime";

// Every balance change reaches the user's open pages through the ledger's NOTIFY, on commit only,
// with a version that orders it against the snapshot a page starts from.

const hubs: RealtimeHub[] = [];
function newFeed(): BalanceFeed {
  const hub = new RealtimeHub({ connectionString: process.env.DATABASE_URL!, applicationName: "balance-test", maxBackoffMs: 500, log: () => undefined });
  hubs.push(hub);
  return new BalanceFeed(hub);
}

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

describe("the live balance", () => {
  it("pushes the balance of a tip and of an admin adjustment to the user's streams only, on commit", async () => {
    const [viewer, other, performer, admin] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 }), createPerformer(), createAdmin()]);
    const feed = newFeed();
    const mine: BalanceUpdate[] = [];
    const theirs: BalanceUpdate[] = [];
    await feed.follow(viewer.id, (u) => mine.push(u));
    const stopOther = await feed.follow(other.id, (u) => theirs.push(u));
    const start = await getBalance(viewer.id);

    await sendTip({ userId: viewer.id, performerId: performer.id, credits: 50 });
    await waitFor(() => mine.length === 1, "the tip's balance");
    expect(mine[0]!.credits).toBe(450);
    expect(mine[0]!.version).toBeGreaterThan(start!.version);

    await adjustCredits({ actorId: admin.id, userId: viewer.id, delta: 1000, reason: "gift", idempotencyKey: "gift-1" });
    await waitFor(() => mine.length === 2, "the adjustment's balance");
    expect(mine[1]!.credits).toBe(1450);
    expect(mine[1]!.version).toBeGreaterThan(mine[0]!.version);
    expect(await getBalance(viewer.id)).toEqual(mine[1]);

    // A change that rolls back is never announced.
    await expect(
      prisma.$transaction(async (tx) => {
        await applyCreditChange(tx, { userId: viewer.id, delta: -10, kind: "tip", reference: "x", idempotencyKey: `rb-${viewer.id}` });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    stopOther();
    await sendTip({ userId: other.id, performerId: performer.id, credits: 5 });
    await sleep(300);
    expect(mine).toHaveLength(2);
    expect(theirs).toHaveLength(0);
  });

  it("pushes every user's final balance of a batch heartbeat, many users per notification", async () => {
    const startedAt = new Date(Date.now() - 30_000);
    const shows = await createActiveShows({ count: 320, credits: 1000, ratePerMinute: 60, startedAt });
    const feed = newFeed();
    const got = new Map<number, BalanceUpdate[]>();
    for (const show of shows) await feed.follow(show.userId, (u) => got.set(show.userId, [...(got.get(show.userId) ?? []), u]));

    const results = await billShows({ showIds: shows.map((s) => s.id), now: new Date(startedAt.getTime() + 20_000) });
    await waitFor(() => got.size === shows.length, "a balance for every viewer of the batch");
    for (const [index, show] of shows.entries()) {
      const item = results[index]!;
      if (!("userCredits" in item)) throw new Error(`show ${show.id} failed`);
      expect(got.get(show.userId)).toEqual([await getBalance(show.userId)]);
      expect(got.get(show.userId)![0]!.credits).toBe(item.userCredits);
    }
  });
});

describe("tips in the room", () => {
  it("announces a tip made through the chat API in its room, like one made on the site, so the studio sees it live", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 100 }), createPerformer()]);
    const hub = new RealtimeHub({ connectionString: process.env.DATABASE_URL!, applicationName: "tip-room-test", maxBackoffMs: 500, log: () => undefined });
    hubs.push(hub);
    const got: RoomMessage[] = [];
    await hub.subscribe(roomChannel(performer.id), (m) => got.push(m as RoomMessage));
    const sent = await sendTip({ userId: viewer.id, performerId: performer.id, credits: 7, idempotency: { source: "chat-api-tip", key: "api-tip-1" } });
    await waitFor(() => got.some((m) => m.t === "tip"), "the tip in the room");
    expect(got.find((m) => m.t === "tip")).toMatchObject({ tip: { id: sent.tip.id, username: viewer.username, credits: 7 } });
  });
});
