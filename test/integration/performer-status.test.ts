import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getWallPerformer } from "@/lib/server/performers/get-performer";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { billShow } from "@/lib/server/shows/bill-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { getUserStatus } from "@/lib/server/users/get-user-status";
import { createActiveShow, createAdmin, createPerformer, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("setPerformerStatus", () => {
  it("switches a performer online and offline and answers the wall card", async () => {
    const performer = await createPerformer({ status: "offline", ratePerMinute: 42 });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: performer.userId } });
    expect(await setPerformerStatus({ performerId: performer.id, status: "online", now: t0 })).toEqual({
      id: performer.id, username: user.username, displayName: performer.displayName, image: null, status: "online", ratePerMinute: 42,
    });
    expect(await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).toMatchObject({ status: "online", statusChangedAt: t0 });
    expect(await setPerformerStatus({ performerId: performer.id, status: "offline", now: at(1000) })).toMatchObject({ status: "offline" });
    await expect(setPerformerStatus({ performerId: 999_999, status: "online" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getWallPerformer(999_999)).rejects.toMatchObject({ code: "not_found" });
  });

  it("going offline ends the active show (performer_left, billed to now) and declines pending requests", async () => {
    const { show, viewer, performer } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: t0 });
    const waiting = await createViewer({ credits: 1000 });
    // A second viewer asks while the performer is busy: refused; a request made before the show stays pending.
    await expect(requestShow({ userId: waiting.id, performerId: performer.id })).rejects.toMatchObject({ code: "performer_unavailable" });
    const pendingViewer = await createViewer({ credits: 1000 });
    const quiet = await createPerformer();
    const pending = await prisma.privateShow.create({ data: { userId: pendingViewer.id, performerId: performer.id, ratePerMinute: 60, requestedAt: t0 } });

    await billShow({ showId: show.id, now: at(30_000) });
    expect(await setPerformerStatus({ performerId: performer.id, status: "online", now: at(31_000) })).toMatchObject({ status: "busy" });
    const card = await setPerformerStatus({ performerId: performer.id, status: "offline", now: at(40_500) });
    expect(card).toMatchObject({ status: "offline" });
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({
      status: "ended", endReason: "performer_left", endedAt: at(40_500), secondsBilled: 41, creditsCharged: 41,
    });
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "declined", endedAt: at(40_500) });
    expect(await prisma.tip.count({ where: { showId: show.id, action: "liveshow", credits: 41 } })).toBe(1);
    expect(await showLedgerCharged(show.id)).toBe(41);
    expect(await ledgerSum(viewer.id)).toBe(959);
    expect((await prisma.performer.findUniqueOrThrow({ where: { id: quiet.id } })).status).toBe("online");
  });
});

describe("getUserStatus", () => {
  it("reports a viewer's balance, open show and whether they can request a private show", async () => {
    // Only performers of this test are online: the cheapest online, non-busy rate decides.
    await prisma.performer.updateMany({ data: { status: "offline" } });
    const viewer = await createViewer({ credits: 50 });
    expect(await getUserStatus({ userId: viewer.id })).toEqual({
      id: viewer.id, username: viewer.username, role: "viewer", credits: 50, canRequestPrivate: false, activeShowId: null,
    });
    const cheap = await createPerformer({ ratePerMinute: 50 });
    expect((await getUserStatus({ userId: viewer.id })).canRequestPrivate).toBe(true);
    // The cheap one goes busy: the next cheapest (60) is too dear for 50 credits.
    await createPerformer({ ratePerMinute: 60 });
    await prisma.privateShow.create({ data: { userId: (await createViewer()).id, performerId: cheap.id, ratePerMinute: 50, status: "active", startedAt: new Date(), lastHeartbeatAt: new Date() } });
    expect((await getUserStatus({ userId: viewer.id })).canRequestPrivate).toBe(false);

    const rich = await createViewer({ credits: 500 });
    const other = await createPerformer({ ratePerMinute: 10 });
    expect((await getUserStatus({ userId: rich.id })).canRequestPrivate).toBe(true);
    const requested = await requestShow({ userId: rich.id, performerId: other.id });
    expect(await getUserStatus({ userId: rich.id })).toMatchObject({ canRequestPrivate: false, activeShowId: requested.id });
  });

  it("is false for performers, admins, blocked and flagged accounts; unknown → not_found", async () => {
    await createPerformer({ ratePerMinute: 1 });
    const performer = await createPerformer();
    for (const userId of [performer.userId, (await createAdmin()).id, (await createViewer({ credits: 100, blocked: true })).id, (await createViewer({ credits: 100, flagged: true })).id]) {
      expect((await getUserStatus({ userId })).canRequestPrivate).toBe(false);
    }
    expect((await getUserStatus({ userId: performer.userId })).role).toBe("performer");
    await expect(getUserStatus({ userId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });
});
