import { describe, expect, it } from "vitest";
import { HOT_PATH_APPLICATION, pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import type { JsonResult } from "@/lib/http/error-response";
import type { HotRequest } from "@/lib/server/chat-api/hot-path";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { showChargeKey } from "@/lib/server/ledger/ledger-key";
import { billShowHot } from "@/lib/server/shows/bill-show-hot";
import { billShowsHot } from "@/lib/server/shows/bill-shows-hot";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { sendTipHot } from "@/lib/server/tips/send-tip-hot";
import { api, dispatch, V1 } from "@/test/helpers/chat-api";
import { createActiveShow, createPerformer, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";

// The chat API's hot path (lib/server/chat-api/hot-path.ts): the common heartbeat and tip in one read
// and one guarded write, everything else handed to the ordinary transaction; and the books stay exact
// when its guarded writes race the ordinary paths.

const key = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
const render = (result: JsonResult) => ({ status: result.status, text: JSON.stringify(result.body) });
const hotRequest = (name: string): HotRequest => ({ key: key(name), fingerprint: "f".repeat(64), render });
const recentStart = () => new Date(Date.now() - 20_000);

async function record(idempotencyKey: string) {
  const rows = await prisma.$queryRaw<{ status: number; text: string }[]>`SELECT status, body #>> '{}' AS text FROM idempotency_records WHERE key = ${idempotencyKey}`;
  return rows[0] ?? null;
}

async function post(path: string, body: unknown, idempotencyKey: string) {
  const response = await dispatch(api.buildRequest("POST", `${V1}${path}`, body, { idempotencyKey }));
  return { status: response.status, text: await response.text() };
}

describe("the chat API's hot path", () => {
  it("bills a running show's heartbeat in one write: the show, the ledger row and the stored answer", async () => {
    const { viewer, show } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: recentStart() });
    const hot = hotRequest("hb");
    const now = new Date();
    const answer = await billShowHot({
      showId: show.id, now, hot,
      answer: (result) => ({ status: 200, body: { show: toApiShow(result.show), user: result.user, secondsRemaining: result.secondsRemaining } }),
    });
    expect(answer).not.toBeNull();
    const body = JSON.parse(answer!.text) as { show: { creditsCharged: number; secondsBilled: number }; user: { credits: number } };
    const stored = await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } });
    expect(stored).toMatchObject({ status: "active", creditsCharged: body.show.creditsCharged, secondsBilled: body.show.secondsBilled, lastHeartbeatAt: now });
    expect(body.show.creditsCharged).toBeGreaterThanOrEqual(20);
    expect(await showLedgerCharged(show.id)).toBe(body.show.creditsCharged);
    expect(await prisma.ledgerEntry.count({ where: { idempotencyKey: showChargeKey(show.id, body.show.creditsCharged) } })).toBe(1);
    expect(await ledgerSum(viewer.id)).toBe(body.user.credits);
    expect(await record(hot.key)).toEqual({ status: 200, text: answer!.text });
  });

  it("leaves to the ordinary path a show that is not active or whose credits run out, writing nothing", async () => {
    const poor = await createActiveShow({ credits: 60, ratePerMinute: 60, startedAt: new Date(Date.now() - 90_000) });
    const [viewer, performer] = await Promise.all([createViewer({ credits: 500 }), createPerformer()]);
    const requested = await prisma.privateShow.create({ data: { userId: viewer.id, performerId: performer.id, ratePerMinute: 60 } });
    for (const showId of [poor.show.id, requested.id, 987_654]) {
      const hot = hotRequest("cold");
      expect(await billShowHot({ showId, now: new Date(), hot, answer: () => ({ status: 200, body: {} }) })).toBeNull();
      expect(await record(hot.key)).toBeNull();
    }
    expect(await ledgerSum(poor.viewer.id)).toBe(60 - poor.show.creditsCharged);
  });

  it("takes a plain tip in one write and leaves a tip towards a goal, or one the balance cannot pay, to sendTip", async () => {
    const viewer = await createViewer({ credits: 100 });
    const [plain, withGoal] = await Promise.all([createPerformer(), createPerformer()]);
    await prisma.goal.create({ data: { performerId: withGoal.id, title: "Dance", target: 1000 } });
    const answer = (sent: unknown) => ({ status: 201, body: sent });

    const hot = hotRequest("tip");
    const taken = await sendTipHot({ userId: viewer.id, performerId: plain.id, credits: 30, now: new Date(), hot, answer });
    const sent = JSON.parse(taken!.text) as { tip: { id: number }; user: { credits: number } };
    expect(sent.user.credits).toBe(70);
    expect(await prisma.tip.findUniqueOrThrow({ where: { id: BigInt(sent.tip.id) } })).toMatchObject({ credits: 30, performerId: plain.id, action: "tips" });
    expect(await prisma.ledgerEntry.findFirstOrThrow({ where: { reference: `tip:${sent.tip.id}` } })).toMatchObject({ delta: -30, balanceAfter: 70 });
    expect(await record(hot.key)).toEqual({ status: 201, text: taken!.text });

    for (const [performerId, credits] of [[withGoal.id, 10], [plain.id, 71]] as const) {
      const cold = hotRequest("cold-tip");
      expect(await sendTipHot({ userId: viewer.id, performerId, credits, now: new Date(), hot: cold, answer })).toBeNull();
      expect(await record(cold.key)).toBeNull();
    }
    expect(await ledgerSum(viewer.id)).toBe(70);
  });

  it("refuses (40001) a guarded write whose show or balance moved since the read, and writes nothing", async () => {
    const { viewer, show } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: recentStart() });
    const performer = await createPerformer();
    const before = await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } });
    const staleShow = pgPool().query(
      "SELECT hot_heartbeat('stale-hb', $1, 200, '{}', '5000ms', $2, $3, $4, $5, 30, 30, now(), $6, $7, 5, 'stale-hb-ledger', 'balance')",
      ["f".repeat(64), show.id, before.secondsBilled + 1, before.creditsCharged, before.lastHeartbeatAt, viewer.id, viewer.credits - before.creditsCharged],
    );
    await expect(staleShow).rejects.toMatchObject({ code: "40001" });
    const staleBalance = pgPool().query(
      `SELECT hot_tip('stale-tip', $1, 201, '{}', '5000ms', nextval('ppv_tips_id_seq'), now(), $2, $3, 5, 0.5, 0.25, $4,
                      'stale-tip-ledger', 'balance', '[]'::json)`,
      ["f".repeat(64), viewer.id, performer.id, viewer.credits + 1],
    );
    await expect(staleBalance).rejects.toMatchObject({ code: "40001" });
    expect(await record("stale-hb")).toBeNull();
    expect(await record("stale-tip")).toBeNull();
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(0);
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toEqual(before);
  });

  it("keeps the books exact when hot heartbeats and tips race each other, admin credits and same-key duplicates", async () => {
    const { viewer, performer, show } = await createActiveShow({ credits: 5000, ratePerMinute: 600, startedAt: recentStart() });
    const admin = await createViewer();
    const duplicateKey = key("dup");
    const tipBody = { userId: viewer.id, performerId: performer.id, credits: 7 };
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => post(`/shows/${show.id}/heartbeat`, {}, key("hb"))),
      ...Array.from({ length: 20 }, () => post("/tips", tipBody, key("tip"))),
      ...Array.from({ length: 8 }, () => post("/tips", tipBody, duplicateKey)),
      ...Array.from({ length: 5 }, (_, i) =>
        prisma.$transaction((tx) =>
          applyCreditChange(tx, { userId: viewer.id, delta: 11, kind: "admin_adjustment", reference: "race", idempotencyKey: key(`adj${i}`), actorId: admin.id }),
        ).then(() => ({ status: 200, text: "" })),
      ),
    ]);
    expect(answers.map((a) => a.status).filter((status) => status >= 300)).toEqual([]);
    const duplicates = answers.slice(40, 48).map((a) => a.text);
    expect(new Set(duplicates).size).toBe(1);

    const ended = await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } });
    const tips = await prisma.tip.count({ where: { userId: viewer.id, action: "tips" } });
    expect(tips).toBe(21);
    expect(await prisma.ledgerEntry.count({ where: { userId: viewer.id, kind: "tip" } })).toBe(21);
    expect(await showLedgerCharged(show.id)).toBe(ended.creditsCharged);
    const viewerNow = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(await ledgerSum(viewer.id)).toBe(viewerNow.credits);
    expect(viewerNow.credits).toBe(5000 + 5 * 11 - 21 * 7 - ended.creditsCharged);
  });

  it("bills a batch of running shows in one write and reports unknown and non-active shows as billShows does", async () => {
    const running = await Promise.all([1, 2, 3].map(() => createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: recentStart() })));
    const [viewer, performer] = await Promise.all([createViewer({ credits: 500 }), createPerformer()]);
    const requested = await prisma.privateShow.create({ data: { userId: viewer.id, performerId: performer.id, ratePerMinute: 60 } });
    const hot = hotRequest("batch");
    const ids = [987_654, running[0]!.show.id, requested.id, running[1]!.show.id, running[2]!.show.id];
    const answer = await billShowsHot({ showIds: ids, now: new Date(), hot, answer: (results) => ({ status: 200, body: { results } }) });
    const { results } = JSON.parse(answer!.text) as { results: { showId: number; creditsCharged?: number; userCredits?: number; error?: { code: string } }[] };
    expect(results.map((item) => item.showId)).toEqual(ids);
    expect(results[0]!.error!.code).toBe("not_found");
    expect(results[2]!.error!.code).toBe("invalid_transition");
    for (const [index, { viewer: payer, show }] of [[1, running[0]!], [3, running[1]!], [4, running[2]!]] as const) {
      const item = results[index]!;
      expect(item.creditsCharged).toBeGreaterThanOrEqual(20);
      expect(await showLedgerCharged(show.id)).toBe(item.creditsCharged);
      expect(await ledgerSum(payer.id)).toBe(item.userCredits);
      expect((await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).creditsCharged).toBe(item.creditsCharged);
    }
    expect(await record(hot.key)).toEqual({ status: 200, text: answer!.text });
  });

  it("leaves to billShows a batch in which a show runs out of credits, writing nothing", async () => {
    const running = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: recentStart() });
    const poor = await createActiveShow({ credits: 60, ratePerMinute: 60, startedAt: new Date(Date.now() - 90_000) });
    const hot = hotRequest("cold-batch");
    expect(await billShowsHot({ showIds: [running.show.id, poor.show.id], now: new Date(), hot, answer: (results) => ({ status: 200, body: { results } }) })).toBeNull();
    expect(await record(hot.key)).toBeNull();
    expect(await ledgerSum(running.viewer.id)).toBe(1000 - running.show.creditsCharged);
  });

  it("keeps the books exact when overlapping batches race single heartbeats and tips", async () => {
    const shows = await Promise.all(Array.from({ length: 6 }, () => createActiveShow({ credits: 3000, ratePerMinute: 600, startedAt: recentStart() })));
    const ids = shows.map(({ show }) => show.id);
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => post("/heartbeats", { showIds: i % 2 === 0 ? ids : [...ids].reverse().slice(0, 4) }, key("batch"))),
      ...shows.map(({ show }) => post(`/shows/${show.id}/heartbeat`, {}, key("hb"))),
      ...shows.map(({ viewer, performer }) => post("/tips", { userId: viewer.id, performerId: performer.id, credits: 5 }, key("tip"))),
    ]);
    expect(answers.map((a) => a.status).filter((status) => status >= 300)).toEqual([]);
    for (const { viewer, show } of shows) {
      const billed = await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } });
      expect(await showLedgerCharged(show.id)).toBe(billed.creditsCharged);
      const balance = (await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits;
      expect(await ledgerSum(viewer.id)).toBe(balance);
      expect(balance).toBe(3000 - 5 - billed.creditsCharged);
    }
  });

  it("carries on when PostgreSQL closes its idle connections (a restart, pg_terminate_backend)", async () => {
    const { show } = await createActiveShow({ credits: 1000, ratePerMinute: 60, startedAt: recentStart() });
    const answer = (result: { show: Parameters<typeof toApiShow>[0]; user: unknown; secondsRemaining: number }) =>
      ({ status: 200, body: { show: toApiShow(result.show), user: result.user, secondsRemaining: result.secondsRemaining } });
    expect(await billShowHot({ showId: show.id, now: new Date(), hot: hotRequest("before"), answer })).not.toBeNull();
    const [terminated] = await prisma.$queryRaw<{ closed: number }[]>`
      SELECT count(*)::int AS closed FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = ${HOT_PATH_APPLICATION}) AS t`;
    expect(terminated!.closed).toBeGreaterThan(0);
    // The pool hears of it as an 'error' event on an idle client: unhandled, it would end the process.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await billShowHot({ showId: show.id, now: new Date(), hot: hotRequest("after"), answer })).not.toBeNull();
  });
});
