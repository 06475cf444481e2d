import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { endGroupShow } from "@/lib/server/group-shows/end-group-show";
import { expireGroupShows } from "@/lib/server/group-shows/expire-group-shows";
import { joinGroupShow } from "@/lib/server/group-shows/join-group-show";
import { openGroupShow } from "@/lib/server/group-shows/open-group-show";
import { startGroupShow } from "@/lib/server/group-shows/start-group-show";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { getRoomState, viewRoomState } from "@/lib/server/rooms/get-room-state";
import { sendChatMessage } from "@/lib/server/rooms/send-chat-message";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { billShow } from "@/lib/server/shows/bill-show";
import { billShows } from "@/lib/server/shows/bill-shows";
import { creditsOwed } from "@/lib/shows/billing";
import { cancelShow } from "@/lib/server/shows/cancel-show";
import { endShow } from "@/lib/server/shows/end-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { sendTip } from "@/lib/server/tips/send-tip";
import { createPerformer, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// Group shows: each seat is a paid per-second session billed by the one billing step from the start;
// a group show that does not reach its minimum by its deadline costs nobody anything.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function groupPerformer(rate = 30) {
  const performer = await createPerformer();
  return prisma.performer.update({ where: { id: performer.id }, data: { groupRatePerMinute: rate } });
}

async function expectBooks(groupShowId: number) {
  const seats = await prisma.privateShow.findMany({ where: { groupShowId }, include: { tip: true, user: true } });
  for (const seat of seats) {
    expect(await ledgerSum(seat.userId)).toBe(seat.user.credits);
    expect(await showLedgerCharged(seat.id)).toBe(seat.creditsCharged);
    if (seat.status === "ended") expect(seat.tip).toMatchObject({ action: "liveshow", credits: seat.creditsCharged });
    else expect(seat.tip).toBeNull();
    if (seat.status === "cancelled") expect(seat.creditsCharged).toBe(0);
  }
  return seats;
}

describe("group shows", () => {
  it("costs nobody anything when the minimum is not reached by the deadline", async () => {
    const performer = await groupPerformer();
    const group = await openGroupShow({ performerId: performer.id, minViewers: 3, waitSeconds: 300, now: t0 });
    const viewers = await Promise.all([createViewer({ credits: 100 }), createViewer({ credits: 100 })]);
    for (const viewer of viewers) await joinGroupShow({ userId: viewer.id, groupShowId: group.id, now: at(10) });
    await expect(startGroupShow({ groupShowId: group.id, now: at(20) })).rejects.toMatchObject({ code: "group_minimum_not_reached", status: 409 });
    expect(await expireGroupShows({ now: at(299) })).toBe(0);
    expect(await expireGroupShows({ now: at(301) })).toBe(1);
    expect(await prisma.groupShow.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ status: "cancelled" });
    const seats = await expectBooks(group.id);
    expect(seats.map((s) => s.status)).toEqual(["cancelled", "cancelled"]);
    for (const viewer of viewers) expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(100);
    await expect(joinGroupShow({ userId: (await createViewer({ credits: 100 })).id, groupShowId: group.id, now: at(302) })).rejects.toMatchObject({ code: "invalid_transition" });
  });

  it("starts with the payers, sends the non-payer away, and bills each seat per second until each runs out or it ends", async () => {
    const performer = await groupPerformer(60);
    const group = await openGroupShow({ performerId: performer.id, minViewers: 2, waitSeconds: 600, now: t0 });
    const [rich, modest, spender] = await Promise.all([createViewer({ credits: 1000 }), createViewer({ credits: 90 }), createViewer({ credits: 70 })]);
    for (const viewer of [rich, modest, spender]) await joinGroupShow({ userId: viewer.id, groupShowId: group.id, now: at(5) });
    // The spender tips before the start and can no longer pay a minute: sent away at the start, nothing charged.
    await sendTip({ userId: spender.id, performerId: performer.id, credits: 20 });
    await startGroupShow({ groupShowId: group.id, now: at(30) });
    const seats = await prisma.privateShow.findMany({ where: { groupShowId: group.id }, orderBy: { id: "asc" } });
    expect(seats.map((s) => [s.userId, s.status])).toEqual([[rich.id, "active"], [modest.id, "active"], [spender.id, "cancelled"]]);
    // The room: payers stay, the sent-away viewer and strangers wait outside and cannot chat.
    const state = (await getRoomState(performer.id, at(30)))!;
    expect(viewRoomState(state, rich)).toMatchObject({ excluded: false, group: { status: "running", joined: 2, mySeat: { id: seats[0]!.id, status: "active" } } });
    expect(viewRoomState(state, spender)).toMatchObject({ excluded: true, group: { mySeat: null } });
    await expect(sendChatMessage({ user: { id: spender.id, username: spender.username, role: "viewer" }, slug: performer.slug, text: "hi" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendChatMessage({ user: { id: rich.id, username: rich.username, role: "viewer" }, slug: performer.slug, text: "hi" })).resolves.toBeTruthy();

    // The group runs: batch heartbeats; the modest viewer runs out at 90 s, the rich one stays.
    for (let second = 40; second <= 150; second += 10) {
      await billShows({ showIds: seats.map((s) => s.id), now: at(second) });
    }
    const modestSeat = await prisma.privateShow.findUniqueOrThrow({ where: { id: seats[1]!.id } });
    expect(modestSeat).toMatchObject({ status: "ended", endReason: "credits_exhausted", creditsCharged: 90 });
    await endGroupShow({ groupShowId: group.id, now: at(155) });
    const richSeat = await prisma.privateShow.findUniqueOrThrow({ where: { id: seats[0]!.id } });
    expect(richSeat).toMatchObject({ status: "ended", endReason: "performer_left", secondsBilled: 125, creditsCharged: creditsOwed(125, 60) });
    expect(await prisma.groupShow.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ status: "ended" });
    await expectBooks(group.id);
  });

  it("lets a viewer leave before the start for free, and after it by the same end as any show", async () => {
    const performer = await groupPerformer(60);
    const group = await openGroupShow({ performerId: performer.id, minViewers: 1, waitSeconds: 600, now: t0 });
    const [a, b] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 })]);
    const seatA = await joinGroupShow({ userId: a.id, groupShowId: group.id, now: at(1) });
    const seatB = await joinGroupShow({ userId: b.id, groupShowId: group.id, now: at(1) });
    await expect(joinGroupShow({ userId: a.id, groupShowId: group.id, now: at(2) })).rejects.toMatchObject({ code: "show_in_progress" });
    await cancelShow({ showId: seatA.id, now: at(3) });
    await startGroupShow({ groupShowId: group.id, now: at(10) });
    await billShow({ showId: seatB.id, now: at(20) });
    expect(await endShow({ showId: seatB.id, reason: "user_left", now: at(25) })).toMatchObject({ status: "ended", creditsCharged: 15 });
    await expectBooks(group.id);
  });

  it("keeps the performer from a private show while a group runs, and ends it when the performer leaves", async () => {
    const performer = await groupPerformer(60);
    const group = await openGroupShow({ performerId: performer.id, minViewers: 1, waitSeconds: 600, now: t0 });
    const [member, other] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 })]);
    await joinGroupShow({ userId: member.id, groupShowId: group.id, now: at(1) });
    const request = await requestShow({ userId: other.id, performerId: performer.id, now: at(2) });
    await startGroupShow({ groupShowId: group.id, now: at(10) });
    await expect(acceptShow({ showId: request.id, now: at(11) })).rejects.toMatchObject({ code: "performer_unavailable" });
    await expect(openGroupShow({ performerId: performer.id, minViewers: 1, waitSeconds: 600, now: at(12) })).rejects.toMatchObject({ code: "conflict" });
    await setPerformerStatus({ performerId: performer.id, status: "offline", now: at(40) });
    expect(await prisma.groupShow.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ status: "ended" });
    const seats = await expectBooks(group.id);
    expect(seats[0]).toMatchObject({ status: "ended", creditsCharged: 30 });
  });

  it("keeps the books when many viewers join at once and run out at different moments", async () => {
    const performer = await groupPerformer(60);
    const group = await openGroupShow({ performerId: performer.id, minViewers: 10, waitSeconds: 600, now: t0 });
    const viewers = await Promise.all(Array.from({ length: 30 }, (_, i) => createViewer({ credits: 60 + i * 5 })));
    await Promise.all(viewers.map((v) => joinGroupShow({ userId: v.id, groupShowId: group.id, now: at(1) })));
    await startGroupShow({ groupShowId: group.id, now: at(10) });
    const seats = await prisma.privateShow.findMany({ where: { groupShowId: group.id }, select: { id: true } });
    for (let second = 20; second <= 200; second += 10) {
      await Promise.all([billShows({ showIds: seats.map((s) => s.id), now: at(second) }), ...seats.slice(0, 5).map((s) => billShow({ showId: s.id, now: at(second) }).catch(() => undefined))]);
    }
    await endGroupShow({ groupShowId: group.id, now: at(205) });
    const after = await expectBooks(group.id);
    expect(new Set(after.map((s) => s.endReason))).toEqual(new Set(["credits_exhausted", "performer_left"]));
  });
});
