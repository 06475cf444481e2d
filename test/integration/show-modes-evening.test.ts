import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { startGoal } from "@/lib/server/goals/start-goal";
import { endGroupShow } from "@/lib/server/group-shows/end-group-show";
import { joinGroupShow } from "@/lib/server/group-shows/join-group-show";
import { openGroupShow } from "@/lib/server/group-shows/open-group-show";
import { startGroupShow } from "@/lib/server/group-shows/start-group-show";
import { setPerformerPrices } from "@/lib/server/prices/set-performer-prices";
import { getPerformerReport } from "@/lib/server/reports/get-performer-report";
import { streamReportCsv } from "@/lib/server/reports/report-csv";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { billShow } from "@/lib/server/shows/bill-show";
import { billShows } from "@/lib/server/shows/bill-shows";
import { endShow } from "@/lib/server/shows/end-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { startSpying } from "@/lib/server/shows/start-spying";
import { buyTicket } from "@/lib/server/ticket-shows/buy-ticket";
import { cancelTicketShow } from "@/lib/server/ticket-shows/cancel-ticket-show";
import { scheduleTicketShow } from "@/lib/server/ticket-shows/schedule-ticket-show";
import { endTicketShow, startTicketShow } from "@/lib/server/ticket-shows/start-ticket-show";
import { setTipMenu } from "@/lib/server/tip-menu/set-tip-menu";
import { sendMenuTip } from "@/lib/server/tips/send-menu-tip";
import { sendTip } from "@/lib/server/tips/send-tip";
import { createPerformer, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// Issue 12's "Done when": one evening with a private show with spies, a group show, a ticket show
// (and a cancelled one), a tip menu and a goal — and the admin's report for that evening adds up to
// the credits every viewer lost.

const evening = new Date("2030-06-01T18:00:00.000Z");
const at = (seconds: number) => new Date(evening.getTime() + seconds * 1000);

describe("one evening of every show mode", () => {
  it("reports exactly the credits the viewers lost, with one ppv_tips row per paid session", async () => {
    await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
    const performer = await createPerformer({ ratePerMinute: 60 });
    await setPerformerPrices({
      performerId: performer.id,
      prices: { ratePerMinute: 60, spyRatePerMinute: 20, groupRatePerMinute: 30, ticketPrice: 75, minimumSeconds: 120 },
    });
    const viewers = await Promise.all(Array.from({ length: 8 }, (_, i) => createViewer({ credits: i === 7 ? 40 : 1000 })));
    const [alice, bob, carol, dave, erin, frank, grace, poor] = viewers;
    const before = new Map(viewers.map((v) => [v.id, v.credits]));

    // Tip menu and goal.
    const [dance] = await setTipMenu({ performerId: performer.id, items: [{ label: "Dance", credits: 50 }, { label: "Song", credits: 25 }] });
    await startGoal({ performerId: performer.id, title: "Oil show", target: 150, now: at(0) });
    await sendMenuTip({ userId: alice!.id, performerId: performer.id, menuItemId: dance!.id, now: at(10) });
    await sendTip({ userId: bob!.id, performerId: performer.id, credits: 33, now: at(20) });

    // A private show with a minimum, and two spies.
    const show = await requestShow({ userId: carol!.id, performerId: performer.id, now: at(100) });
    await acceptShow({ showId: show.id, now: at(110) });
    const spies = await Promise.all([dave!, erin!].map((v) => startSpying({ userId: v.id, showId: show.id, now: at(115) })));
    for (let second = 120; second <= 260; second += 20) {
      await billShows({ showIds: [show.id, ...spies.map((s) => s.id)], now: at(second) });
    }
    await endShow({ showId: spies[0]!.id, reason: "user_left", now: at(200 + 70) }).catch(() => undefined);
    await billShow({ showId: show.id, now: at(275) });
    await endShow({ showId: show.id, reason: "user_left", now: at(280) });

    // A group show: the poor viewer is sent away at the start.
    const group = await openGroupShow({ performerId: performer.id, minViewers: 2, waitSeconds: 600, now: at(300) });
    for (const v of [alice!, frank!, poor!]) await joinGroupShow({ userId: v.id, groupShowId: group.id, now: at(310) });
    await sendTip({ userId: poor!.id, performerId: performer.id, credits: 20, now: at(315) });
    await startGroupShow({ groupShowId: group.id, now: at(320) });
    for (let second = 330; second <= 400; second += 10) {
      await billShows({ showIds: (await prisma.privateShow.findMany({ where: { groupShowId: group.id } })).map((s) => s.id), now: at(second) });
    }
    await endGroupShow({ groupShowId: group.id, now: at(405) });

    // Ticket shows: one cancelled (refunded), one that goes live.
    const cancelled = await scheduleTicketShow({ performerId: performer.id, title: "Early show", startsAt: at(1200), now: at(410) });
    for (const v of [grace!, bob!]) await buyTicket({ userId: v.id, ticketShowId: cancelled.id, now: at(420) });
    await cancelTicketShow({ ticketShowId: cancelled.id, now: at(430) });
    const live = await scheduleTicketShow({ performerId: performer.id, title: "Late show", startsAt: at(1800), seats: 3, now: at(440) });
    for (const v of [grace!, bob!, carol!]) await buyTicket({ userId: v.id, ticketShowId: live.id, now: at(450) });
    await expect(buyTicket({ userId: dave!.id, ticketShowId: live.id, now: at(460) })).rejects.toMatchObject({ code: "sold_out" });
    await startTicketShow({ ticketShowId: live.id, now: at(1790) });
    await sendMenuTip({ userId: grace!.id, performerId: performer.id, menuItemId: dance!.id, now: at(1900) });
    await endTicketShow({ ticketShowId: live.id, now: at(3000) });

    // The books: Σ ledger = balance, each session's ledger = its charge = its one ppv_tips row.
    const after = await prisma.user.findMany({ where: { id: { in: viewers.map((v) => v.id) } } });
    for (const user of after) expect(await ledgerSum(user.id)).toBe(user.credits);
    const sessions = await prisma.privateShow.findMany({ where: { performerId: performer.id }, include: { tip: true } });
    expect(new Set(sessions.map((s) => s.kind))).toEqual(new Set(["private", "spy", "group"]));
    for (const session of sessions) {
      expect(session.status).not.toBe("active");
      expect(await showLedgerCharged(session.id)).toBe(session.creditsCharged);
      if (session.status === "ended") expect(session.tip?.credits).toBe(session.creditsCharged);
      else expect(session.tip).toBeNull();
    }
    expect(sessions.find((s) => s.kind === "private")).toMatchObject({ minimumSeconds: 120, creditsCharged: 170 });

    // The admin's report for the evening adds up to what every viewer lost.
    const lost = after.reduce((sum, user) => sum + (before.get(user.id)! - user.credits), 0);
    const report = await getPerformerReport({ performerId: performer.id, from: "2030-06-01", to: "2030-06-01" });
    expect(report.credits).toBe(lost);
    expect(Object.values(report.byKind).reduce((sum, k) => sum + k.credits, 0)).toBe(lost);
    for (const kind of ["tip", "menu_tip", "private_show", "spy_show", "group_show", "ticket"] as const) expect(report.byKind[kind].count).toBeGreaterThan(0);
    expect(report.byKind.ticket).toMatchObject({ count: 3, credits: 225 });
    expect(report.refunds.map((r) => [r.credits, r.reason])).toEqual([[75, "cancelled by the performer"], [75, "cancelled by the performer"]]);
    const csv = (await new Response(await streamReportCsv({ performerId: performer.id, from: "2030-06-01", to: "2030-06-01" })).text()).trim().split("\r\n");
    expect(csv).toHaveLength(report.rowCount + 1);
    expect(csv.slice(1).reduce((sum, line) => sum + Number(line.split(",")[4]), 0)).toBe(lost);
    expect(csv.some((line) => line.includes(",tip menu,") && line.includes(",Dance,"))).toBe(true);

    // The goal was reached and kept in the history.
    expect(await prisma.goal.findFirstOrThrow({ where: { performerId: performer.id } })).toMatchObject({ status: "reached" });
  });
});
