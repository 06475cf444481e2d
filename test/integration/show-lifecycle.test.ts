import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { billShow } from "@/lib/server/shows/bill-show";
import { cancelShow } from "@/lib/server/shows/cancel-show";
import { declineShow } from "@/lib/server/shows/decline-show";
import { endShow } from "@/lib/server/shows/end-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { SHOW_TRANSITIONS } from "@/lib/shows/transitions";
import { createAdmin, createPerformer, createViewer } from "@/test/helpers/factories";

// The state machine of API.md: requested → active → ended, or requested → declined | cancelled.
// Every transition is tried from every state; the refused ones must change nothing.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

type State = "requested" | "active" | "ended" | "declined" | "cancelled";

async function showIn(state: State) {
  const [viewer, performer] = await Promise.all([createViewer({ credits: 1000 }), createPerformer({ ratePerMinute: 60 })]);
  const show = await requestShow({ userId: viewer.id, performerId: performer.id, now: t0 });
  if (state === "active" || state === "ended") await acceptShow({ showId: show.id, now: t0 });
  if (state === "ended") await endShow({ showId: show.id, reason: "user_left", now: at(30) });
  if (state === "declined") await declineShow({ showId: show.id, now: at(1) });
  if (state === "cancelled") await cancelShow({ showId: show.id, now: at(1) });
  return { viewer, performer, show: await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } }) };
}

const transitions = {
  accept: (id: number) => acceptShow({ showId: id, now: at(40) }),
  decline: (id: number) => declineShow({ showId: id, now: at(40) }),
  cancel: (id: number) => cancelShow({ showId: id, now: at(40) }),
  heartbeat: (id: number) => billShow({ showId: id, now: at(40) }),
  end: (id: number) => endShow({ showId: id, reason: "user_left", now: at(40) }),
};

const allowed: Record<State, (keyof typeof transitions)[]> = {
  requested: ["accept", "decline", "cancel"],
  active: ["heartbeat", "end"],
  // Ending an ended show answers it unchanged (API.md): allowed, but a no-op.
  ended: ["end"],
  declined: [],
  cancelled: [],
};

describe("private show state machine", () => {
  it("is the one transition table the domain functions consult", () => {
    expect(SHOW_TRANSITIONS).toEqual(allowed);
  });

  for (const state of Object.keys(allowed) as State[]) {
    for (const name of Object.keys(transitions) as (keyof typeof transitions)[]) {
      const ok = allowed[state].includes(name);
      it(`${name} from ${state} ${ok ? "is allowed" : "is refused with invalid_transition"}`, async () => {
        const { show, viewer } = await showIn(state);
        const credits = (await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits;
        if (ok) {
          await expect(transitions[name](show.id)).resolves.toBeTruthy();
          return;
        }
        await expect(transitions[name](show.id)).rejects.toMatchObject({ code: "invalid_transition", status: 409 });
        expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toEqual(show);
        expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(credits);
      });
    }
  }

  it("answers not_found for an unknown show on every transition", async () => {
    for (const run of Object.values(transitions)) await expect(run(987_654)).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("walks requested → active → ended with the documented fields", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 500 }), createPerformer({ ratePerMinute: 30 })]);
    const requested = await requestShow({ userId: viewer.id, performerId: performer.id, now: t0 });
    expect(toApiShow(requested)).toEqual({
      id: requested.id, userId: viewer.id, performerId: performer.id, status: "requested", kind: "private", parentShowId: null, ratePerMinute: 30, minimumSeconds: 0,
      requestedAt: t0.toISOString(), startedAt: null, endedAt: null, endReason: null, secondsBilled: 0, creditsCharged: 0,
    });
    // The rate is a snapshot: a later change does not touch this show.
    await prisma.performer.update({ where: { id: performer.id }, data: { ratePerMinute: 300 } });
    const active = await acceptShow({ showId: requested.id, now: at(5) });
    expect(active).toMatchObject({ status: "active", startedAt: at(5), lastHeartbeatAt: at(5), ratePerMinute: 30 });
    await billShow({ showId: requested.id, now: at(35) });
    const ended = await endShow({ showId: requested.id, reason: "performer_left", now: at(65) });
    expect(toApiShow(ended)).toMatchObject({
      status: "ended", endReason: "performer_left", startedAt: at(5).toISOString(), endedAt: at(65).toISOString(), secondsBilled: 60, creditsCharged: 30,
    });
  });

  it("declines and cancels a request with endedAt", async () => {
    const a = await showIn("requested");
    expect(await declineShow({ showId: a.show.id, now: at(3) })).toMatchObject({ status: "declined", endedAt: at(3), startedAt: null });
    const b = await showIn("requested");
    expect(await cancelShow({ showId: b.show.id, now: at(4) })).toMatchObject({ status: "cancelled", endedAt: at(4), startedAt: null });
    // A closed request frees the viewer for a new one.
    await expect(requestShow({ userId: b.viewer.id, performerId: b.performer.id, now: at(5) })).resolves.toMatchObject({ status: "requested" });
  });
});

describe("requestShow refusals", () => {
  it("answers not_found for an unknown user or performer", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 100 }), createPerformer()]);
    await expect(requestShow({ userId: 999_999, performerId: performer.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(requestShow({ userId: viewer.id, performerId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a performer or an admin with invalid_request, a blocked or on-hold account with 403", async () => {
    const performer = await createPerformer();
    const other = await createPerformer();
    const performerUser = await prisma.user.findUniqueOrThrow({ where: { id: other.userId } });
    for (const userId of [performerUser.id, (await createAdmin()).id]) {
      await expect(requestShow({ userId, performerId: performer.id })).rejects.toMatchObject({ code: "invalid_request", status: 422 });
    }
    const blocked = (await createViewer({ credits: 100, blocked: true })).id;
    await expect(requestShow({ userId: blocked, performerId: performer.id })).rejects.toMatchObject({ code: "account_blocked", status: 403 });
    const onHold = (await createViewer({ credits: 100, flagged: true })).id;
    await expect(requestShow({ userId: onHold, performerId: performer.id })).rejects.toMatchObject({ code: "account_on_hold", status: 403 });
    expect(await prisma.privateShow.count({ where: { performerId: performer.id } })).toBe(0);
  });

  it("refuses an offline, disabled or busy performer with performer_unavailable", async () => {
    const viewer = await createViewer({ credits: 1000 });
    const offline = await createPerformer({ status: "offline" });
    const disabled = await createPerformer({ disabled: true });
    const busy = await showIn("active");
    for (const performerId of [offline.id, disabled.id, busy.performer.id]) {
      await expect(requestShow({ userId: viewer.id, performerId })).rejects.toMatchObject({ code: "performer_unavailable", status: 409 });
    }
  });

  it("refuses a viewer who already has a requested or active show with show_in_progress", async () => {
    for (const state of ["requested", "active"] as const) {
      const { viewer } = await showIn(state);
      const other = await createPerformer();
      await expect(requestShow({ userId: viewer.id, performerId: other.id })).rejects.toMatchObject({ code: "show_in_progress", status: 409 });
    }
  });

  it("lets only one of many simultaneous requests of one viewer through (the partial unique index)", async () => {
    const viewer = await createViewer({ credits: 1000 });
    const performers = await Promise.all(Array.from({ length: 8 }, () => createPerformer()));
    const results = await Promise.allSettled(performers.map((p) => requestShow({ userId: viewer.id, performerId: p.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "show_in_progress" });
  });

  it("refuses a balance below one minute at the performer's rate with insufficient_credits", async () => {
    const [viewer, performer] = await Promise.all([createViewer({ credits: 59 }), createPerformer({ ratePerMinute: 60 })]);
    await expect(requestShow({ userId: viewer.id, performerId: performer.id })).rejects.toMatchObject({ code: "insufficient_credits", status: 402 });
    const [enough, performer2] = await Promise.all([createViewer({ credits: 60 }), createPerformer({ ratePerMinute: 60 })]);
    await expect(requestShow({ userId: enough.id, performerId: performer2.id })).resolves.toMatchObject({ status: "requested", ratePerMinute: 60 });
  });
});

describe("acceptShow refusals", () => {
  it("re-checks credits: spent since the request → insufficient_credits, show stays requested", async () => {
    const { viewer, show } = await showIn("requested");
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: viewer.id, delta: -950, kind: "tip", reference: "t", idempotencyKey: `spend-${viewer.id}` }),
    );
    await expect(acceptShow({ showId: show.id })).rejects.toMatchObject({ code: "insufficient_credits", status: 402 });
    expect((await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).status).toBe("requested");
  });

  it("refuses a second show of a busy performer and a performer gone offline with performer_unavailable", async () => {
    const performer = await createPerformer();
    const [a, b] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 })]);
    const first = await requestShow({ userId: a.id, performerId: performer.id });
    const second = await requestShow({ userId: b.id, performerId: performer.id });
    await acceptShow({ showId: first.id });
    await expect(acceptShow({ showId: second.id })).rejects.toMatchObject({ code: "performer_unavailable" });

    const { show, performer: other } = await showIn("requested");
    await prisma.performer.update({ where: { id: other.id }, data: { status: "offline" } });
    await expect(acceptShow({ showId: show.id })).rejects.toMatchObject({ code: "performer_unavailable" });
  });

  it("lets exactly one of 20 parallel accepts of one show succeed", async () => {
    const { show, performer } = await showIn("requested");
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => acceptShow({ showId: show.id, now: at(i) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "invalid_transition" });
    expect(await prisma.privateShow.count({ where: { performerId: performer.id, status: "active" } })).toBe(1);
  });
});

describe("wall status notifications", () => {
  it("announces busy on accept and the performer's own status when the show ends, only on commit", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const events: unknown[] = [];
    listener.on("notification", (message) => events.push(JSON.parse(message.payload ?? "null")));
    await listener.query("LISTEN wall_status");
    try {
      const { show, performer } = await showIn("requested");
      await acceptShow({ showId: show.id, now: t0 });
      await acceptShow({ showId: show.id, now: t0 }).catch(() => undefined); // refused: rolls back, announces nothing
      await endShow({ showId: show.id, reason: "user_left", now: at(10) });
      await expect.poll(() => events.filter((e) => (e as { performerId: number }).performerId === performer.id), { timeout: 5000 }).toEqual([
        { performerId: performer.id, status: "busy" },
        { performerId: performer.id, status: "online" },
      ]);
    } finally {
      await listener.end();
    }
  });
});
