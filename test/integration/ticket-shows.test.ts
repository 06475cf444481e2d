import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getRoomState, viewRoomState } from "@/lib/server/rooms/get-room-state";
import { buyTicket } from "@/lib/server/ticket-shows/buy-ticket";
import { cancelTicketShow } from "@/lib/server/ticket-shows/cancel-ticket-show";
import { expireTicketShows } from "@/lib/server/ticket-shows/expire-ticket-shows";
import { scheduleTicketShow } from "@/lib/server/ticket-shows/schedule-ticket-show";
import { endTicketShow, startTicketShow } from "@/lib/server/ticket-shows/start-ticket-show";
import { TICKET_GRACE_SECONDS } from "@/lib/tickets/ticket-rules";
import { createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

// Ticket shows: one debit per ticket, never more tickets than seats, and a cancelled or missed show
// refunds every ticket exactly once — even when the refund runs twice at the same moment.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function ticketPerformer(price = 100) {
  const performer = await createPerformer();
  return prisma.performer.update({ where: { id: performer.id }, data: { ticketPrice: price } });
}

async function expectBooks(userIds: number[]) {
  for (const id of userIds) expect(await ledgerSum(id)).toBe((await prisma.user.findUniqueOrThrow({ where: { id } })).credits);
}

describe("ticket shows", () => {
  it("sells one ticket per viewer with one debit, earns them when it goes live, and lets late buyers in", async () => {
    const performer = await ticketPerformer(100);
    const show = await scheduleTicketShow({ performerId: performer.id, title: "Birthday show", startsAt: at(3600), now: t0 });
    expect(show).toMatchObject({ price: 100, status: "scheduled", sold: 0 });
    const [a, b, late] = await Promise.all([createViewer({ credits: 250 }), createViewer({ credits: 100 }), createViewer({ credits: 100 })]);
    const bought = await buyTicket({ userId: a.id, ticketShowId: show.id, now: at(10) });
    expect(bought.user.credits).toBe(150);
    expect(await buyTicket({ userId: a.id, ticketShowId: show.id, now: at(11) })).toEqual(bought);
    await buyTicket({ userId: b.id, ticketShowId: show.id, now: at(12) });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.id } })).credits).toBe(150);
    expect(await prisma.tip.count({ where: { action: "ticket" } })).toBe(0);
    await expect(startTicketShow({ ticketShowId: show.id, now: at(1000) })).rejects.toMatchObject({ code: "invalid_transition" });
    await startTicketShow({ ticketShowId: show.id, now: at(3500) });
    expect(await prisma.tip.count({ where: { action: "ticket", item: "Birthday show" } })).toBe(2);
    // Only ticket holders stay in the room while it is live.
    const state = (await getRoomState(performer.id, at(3500)))!;
    expect(viewRoomState(state, a)).toMatchObject({ excluded: false, ticketShow: { status: "live", holding: true, sold: 2 } });
    expect(viewRoomState(state, late)).toMatchObject({ excluded: true, ticketShow: { holding: false } });
    await buyTicket({ userId: late.id, ticketShowId: show.id, now: at(3700) });
    expect(await prisma.tip.count({ where: { action: "ticket" } })).toBe(3);
    await endTicketShow({ ticketShowId: show.id, now: at(7000) });
    await expect(buyTicket({ userId: (await createViewer({ credits: 500 })).id, ticketShowId: show.id })).rejects.toMatchObject({ code: "invalid_transition" });
    await expectBooks([a.id, b.id, late.id]);
  });

  it("sells exactly the last seats to 100 parallel buyers", async () => {
    const performer = await ticketPerformer(10);
    const show = await scheduleTicketShow({ performerId: performer.id, title: "Small room", startsAt: at(3600), seats: 25, now: t0 });
    const early = await Promise.all(Array.from({ length: 20 }, () => createViewer({ credits: 10 })));
    for (const viewer of early) await buyTicket({ userId: viewer.id, ticketShowId: show.id, now: at(1) });
    const buyers = await Promise.all(Array.from({ length: 100 }, () => createViewer({ credits: 10 })));
    const results = await Promise.allSettled(buyers.map((viewer) => buyTicket({ userId: viewer.id, ticketShowId: show.id, now: at(2) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "sold_out", status: 409 });
    expect(await prisma.ticketShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ sold: 25 });
    expect(await prisma.ticket.count({ where: { ticketShowId: show.id } })).toBe(25);
    const paid = await prisma.user.count({ where: { id: { in: buyers.map((b) => b.id) }, credits: 0 } });
    expect(paid).toBe(5);
    await expectBooks([...early, ...buyers].map((v) => v.id));
  });

  it("refunds every ticket once when the performer cancels, with the reason", async () => {
    const performer = await ticketPerformer(40);
    const show = await scheduleTicketShow({ performerId: performer.id, title: "Cancelled", startsAt: at(3600), now: t0 });
    const viewers = await Promise.all(Array.from({ length: 5 }, () => createViewer({ credits: 100 })));
    for (const viewer of viewers) await buyTicket({ userId: viewer.id, ticketShowId: show.id, now: at(1) });
    await Promise.all([cancelTicketShow({ ticketShowId: show.id, now: at(5) }), cancelTicketShow({ ticketShowId: show.id, now: at(5) })]);
    for (const viewer of viewers) expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(100);
    const refs = (await prisma.ticket.findMany({ where: { ticketShowId: show.id } })).map((t) => `ticket:${t.id}`);
    expect(await prisma.ledgerEntry.count({ where: { kind: "ticket_refund", reference: { in: refs } } })).toBe(5);
    const tickets = await prisma.ticket.findMany({ where: { ticketShowId: show.id } });
    for (const ticket of tickets) expect(ticket).toMatchObject({ refundReason: "cancelled by the performer" });
    await expectBooks(viewers.map((v) => v.id));
  });

  it("refunds a show not started within the grace period exactly once, even with the job running twice at once", async () => {
    const performer = await ticketPerformer(30);
    const show = await scheduleTicketShow({ performerId: performer.id, title: "No-show", startsAt: at(600), now: t0 });
    const viewers = await Promise.all(Array.from({ length: 10 }, () => createViewer({ credits: 30 })));
    await Promise.all(viewers.map((viewer) => buyTicket({ userId: viewer.id, ticketShowId: show.id, now: at(1) })));
    expect(await expireTicketShows({ now: at(600 + TICKET_GRACE_SECONDS) })).toBe(0);
    const runs = await Promise.all([1, 2, 3].map(() => expireTicketShows({ now: at(601 + TICKET_GRACE_SECONDS) })));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const refs = (await prisma.ticket.findMany({ where: { ticketShowId: show.id } })).map((t) => `ticket:${t.id}`);
    expect(await prisma.ledgerEntry.count({ where: { kind: "ticket_refund", reference: { in: refs } } })).toBe(10);
    for (const viewer of viewers) expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(30);
    expect(await prisma.ticketShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ status: "cancelled", cancelReason: expect.stringContaining("not started") });
    await expect(startTicketShow({ ticketShowId: show.id, now: at(700) })).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await prisma.tip.count({ where: { action: "ticket", performerId: performer.id } })).toBe(0);
    await expectBooks(viewers.map((v) => v.id));
  });

  it("refuses a second refund of a ticket through the ledger key", async () => {
    const performer = await ticketPerformer(30);
    const show = await scheduleTicketShow({ performerId: performer.id, title: "Key", startsAt: at(600), now: t0 });
    const viewer = await createViewer({ credits: 30 });
    const { ticket } = await buyTicket({ userId: viewer.id, ticketShowId: show.id, now: at(1) });
    await cancelTicketShow({ ticketShowId: show.id, now: at(2) });
    const { applyCreditChange } = await import("@/lib/server/ledger/apply-credit-change");
    await expect(prisma.$transaction((tx) => applyCreditChange(tx, {
      userId: viewer.id, delta: 30, kind: "ticket_refund", reference: `ticket:${ticket.id}`, idempotencyKey: `ticket-refund:${ticket.id}`,
    }))).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses what the rules refuse", async () => {
    const performer = await ticketPerformer(50);
    await expect(scheduleTicketShow({ performerId: performer.id, title: "Past", startsAt: at(-1), now: t0 })).rejects.toMatchObject({ code: "invalid_request" });
    const show = await scheduleTicketShow({ performerId: performer.id, title: "Rules", startsAt: at(600), now: t0 });
    const poor = await createViewer({ credits: 49 });
    await expect(buyTicket({ userId: poor.id, ticketShowId: show.id, now: at(1) })).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await prisma.ticketShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ sold: 0 });
    const blocked = await createViewer({ credits: 100, blocked: true });
    await expect(buyTicket({ userId: blocked.id, ticketShowId: show.id, now: at(1) })).rejects.toMatchObject({ status: 403 });
    await expect(buyTicket({ userId: poor.id, ticketShowId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.ticket.count({ where: { ticketShowId: show.id } })).toBe(0);
  });
});
