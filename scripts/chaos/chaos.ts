import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { createChatApiClient, type ChatApiMethod } from "@/lib/chat-api-client/chat-api-client";
import { postmasterPid } from "@/lib/db/embedded";
import { ipnBody, ipnFields, paypalId, startFakePaypal, type FakePaypal } from "@/test/fakes/fake-paypal";
import { BENCH_CHAT_API_SECRET, buildApp, nextServerPid, startApp, type RunningApp } from "../bench/server";
import { runChecks, type CheckResult } from "./checks";
import type { ChaosOptions } from "./options";
import { PACK_CREDITS, PACK_PRICE, seedPeople, type ChaosPeople } from "./seed";

// The chaos run (`npm run chaos`): the site started exactly as `npm start` runs it, on a fresh
// embedded database, with a fake PayPal; many concurrent clients send a mix of signed chat API
// requests and IPNs, retrying failures with the same Idempotency-Key; in the middle the whole site
// (launcher, Next and PostgreSQL: its process group) is SIGKILLed and started again on the same
// data, and every request that failed is sent again with its original key. Then the money must add
// up (scripts/chaos/checks.ts).

const RECEIVER = "merchant@example.com";
const BASE = "/api/chat/v1";
/** Give a request up only after this many attempts (a restart takes well under a minute). */
const MAX_ATTEMPTS = 60;

export type ChaosSummary = {
  options: ChaosOptions;
  /** Requests sent (each duplicate counts, retries and resends do not). */
  requests: number;
  /** HTTP attempts, retries and resends included. */
  attempts: number;
  /** Requests that needed more than one attempt. */
  retried: number;
  /** Requests that failed because the site was killed and were sent again, with their key, after the restart. */
  resentAfterRestart: number;
  gaveUp: number;
  /** Per kind of request: final status → count. */
  statuses: Record<string, Record<string, number>>;
  kills: { atRequest: number; inFlight: number; killed: string[]; restartMs: number }[];
  ipnOutcomes: Record<string, number>;
  showsEndedBy: Record<string, number>;
  checks: CheckResult[];
  wallMs: number;
  ok: boolean;
};

type Mix = { kind: string; weight: number };
// Shares of the scripts started (a show is 3 to 7 requests, so shows are about half the requests).
const MIX: Mix[] = [
  { kind: "tip", weight: 30 },
  { kind: "tip-duplicate", weight: 6 },
  { kind: "show", weight: 16 },
  { kind: "batch", weight: 5 },
  { kind: "user", weight: 4 },
  { kind: "ipn", weight: 12 },
  { kind: "ipn-duplicate", weight: 5 },
  { kind: "ipn-forged", weight: 5 },
  { kind: "ipn-wrong-receiver", weight: 5 },
  { kind: "refund-after-spending", weight: 3 },
];

/** Deterministic randomness (mulberry32), so a seed replays the same mix. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Sent = { status: number; body: Record<string, never> & { [key: string]: unknown } };
type Request = { kind: string; method: ChatApiMethod; path: string; body?: unknown; key?: string } | { kind: string; ipn: string };

export async function runChaos(options: ChaosOptions, log: (line: string) => void = console.log): Promise<ChaosSummary> {
  const started = Date.now();
  const pgDir = `.data/chaos-postgres-${options.pgPort}`;
  const logPath = `.data/chaos-server-${options.port}.log`;
  const forged = new Set<string>();
  /** Payments that must never be credited: forged ones and those to another receiver. */
  const mustNotCredit = new Set<string>();
  /** Keys of tips the site acknowledged (201): each must be charged exactly once. */
  const ackedTips = new Set<string>();
  const paypal: FakePaypal = await startFakePaypal({
    port: options.paypalPort,
    receiverEmail: RECEIVER,
    // PayPal answers INVALID for a message it never sent.
    ipnVerdict: (postback) => ([...forged].some((txn) => postback.includes(`txn_id=${txn}`)) ? "INVALID" : undefined),
  });
  // Every IPN comes from this one loopback address: the per-address IPN throttle would answer most of
  // them 429 (the throttle has its own tests), so the run lifts it to measure the money paths.
  const env = { ...paypal.env(), PAYPAL_MODE: "sandbox", PAYPAL_CURRENCY: "USD", IPN_RATE_LIMIT_PER_MINUTE: "100000" };
  if (options.build) await buildApp();
  else if (!existsSync(".next/BUILD_ID")) throw new Error("No production build in .next: run `npm run build` or drop --no-build.");

  const start = (reuseData: boolean) =>
    startApp({ port: options.port, pgPort: options.pgPort, pgDir, reuseData, env, logPath, log });
  let app: RunningApp = await start(false);
  const db = new pg.Pool({ connectionString: app.databaseUrl, max: 4 });
  db.on("error", () => undefined);
  const summary: ChaosSummary = {
    options, requests: 0, attempts: 0, retried: 0, resentAfterRestart: 0, gaveUp: 0, statuses: {}, kills: [],
    ipnOutcomes: {}, showsEndedBy: {}, checks: [], wallMs: 0, ok: false,
  };
  try {
    const people = await seedPeople(db, {
      viewers: Math.max(50, Math.round(options.requests / 40)),
      refundViewers: Math.max(10, Math.round(options.requests / 200)),
      performers: Math.max(20, Math.round(options.requests / 150)),
    });
    log(`chaos: ${people.viewers.length} viewers, ${people.refundViewers.length} refund viewers, ${people.performers.length} performers`);

    const api = createChatApiClient({
      baseUrl: app.baseUrl,
      secret: BENCH_CHAT_API_SECRET,
      fetch: (request) => fetch(request, { signal: AbortSignal.timeout(30_000) }),
    });
    const rng = random(options.seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
    const keyOf = (kind: string) => `chaos-${options.seed}-${kind}-${randomUUID()}`;

    // The site's life: `epoch` grows with each kill, `up` resolves when it answers again.
    const site = { down: false, epoch: 0, up: Promise.resolve() };
    let inFlight = 0;
    const killAt = Array.from({ length: options.kills }, (_, i) => Math.round((options.requests * (i + 1)) / (options.kills + 1)));

    const record = (kind: string, status: string) => {
      const byStatus = (summary.statuses[kind] ??= {});
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    };

    const killAndRestart = async () => {
      let restarted!: () => void;
      site.up = new Promise<void>((resolve) => (restarted = resolve));
      site.down = true;
      site.epoch += 1;
      const victims = { launcher: app.pid, next: nextServerPid(app.pid), postgres: postmasterPid(pgDir) };
      // /proc/<pid>/stat after the command's closing parenthesis: state, ppid, pgrp, …
      const stat = (pid: number | null): string[] | null => {
        if (pid === null) return null;
        try {
          return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
        } catch {
          return null;
        }
      };
      // Membership is read before the kill: a process busy in the kernel (an fsync under load) may take
      // a moment to die, which is not escaping the group.
      const outside = Object.entries(victims).filter(([, pid]) => {
        const fields = stat(pid);
        return fields !== null && Number(fields[2]) !== app.pid;
      });
      const atRequest = summary.requests;
      const busy = inFlight;
      process.kill(-app.pid, "SIGKILL");
      for (const [, pid] of outside) process.kill(pid!, "SIGKILL");
      await app.stop();
      // A killed process is gone only once the kernel has reaped it: PostgreSQL refuses to start while
      // the old postmaster's pid still exists, so the restart waits for that (as a supervisor would).
      const gone = (pid: number | null) => stat(pid) === null;
      const waitUntil = Date.now() + 15_000;
      while (Object.values(victims).some((pid) => !gone(pid)) && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 100));
      const killed = Object.entries(victims).map(([name, pid]) => {
        const escaped = outside.some(([other]) => other === name);
        const survived = !gone(pid) && stat(pid)![0] !== "Z";
        return `${name} ${pid ?? "?"}${escaped ? " OUTSIDE THE GROUP" : ""}${survived ? " SURVIVED THE KILL" : ""}`;
      });
      log(`chaos: SIGKILL of the site's process group at request ${atRequest} with ${busy} in flight (${killed.join(", ")})`);
      const t0 = Date.now();
      app = await start(true);
      const restartMs = Date.now() - t0;
      log(`chaos: site back after ${(restartMs / 1000).toFixed(1)} s; resending what failed`);
      summary.kills.push({ atRequest, inFlight: busy, killed, restartMs });
      site.down = false;
      restarted();
    };

    /** One request, retried with the same key until it gets an answer that is not a server fault. */
    const send = async (request: Request): Promise<Sent> => {
      summary.requests += 1;
      if (killAt.length > 0 && summary.requests >= killAt[0]!) {
        killAt.shift();
        void killAndRestart();
      }
      let hitByKill = false;
      for (let attempt = 1; ; attempt += 1) {
        while (site.down) await site.up;
        const epoch = site.epoch;
        summary.attempts += 1;
        inFlight += 1;
        try {
          const response =
            "ipn" in request
              ? await fetch(`${app.baseUrl}/api/paypal/ipn`, {
                  method: "POST",
                  headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "PayPal IPN ( https://www.paypal.com/ipn )" },
                  body: request.ipn,
                  signal: AbortSignal.timeout(30_000),
                }).then(async (r) => ({ status: r.status, body: (await r.text()) as unknown }))
              : await api.request(request.method, request.path, request.body, { idempotencyKey: request.key ?? null });
          if (response.status >= 500) throw new Error(`status ${response.status}`);
          if (attempt > 1) summary.retried += 1;
          if (hitByKill) summary.resentAfterRestart += 1;
          record(request.kind, String(response.status));
          if ("key" in request && request.key && request.path.endsWith("/tips") && response.status === 201) ackedTips.add(request.key);
          return { status: response.status, body: (typeof response.body === "object" && response.body ? response.body : {}) as Sent["body"] };
        } catch (error) {
          if (site.down || site.epoch !== epoch) hitByKill = true;
          if (attempt >= MAX_ATTEMPTS) {
            summary.gaveUp += 1;
            record(request.kind, "gave_up");
            log(`chaos: gave up on ${request.kind}: ${String(error)}`);
            return { status: 0, body: {} as Sent["body"] };
          }
          await sleep(Math.min(2_000, 50 * 2 ** attempt));
        } finally {
          inFlight -= 1;
        }
      }
    };

    const post = (kind: string, path: string, body: unknown, key = keyOf(kind)) => send({ kind, method: "POST", path: `${BASE}${path}`, body, key });

    // Shows: a viewer and a performer each in at most one show of this run at a time.
    const busyViewers = new Set<number>();
    const busyPerformers = new Set<number>();
    const activeShows = new Set<number>();
    const abandoned = new Set<number>();

    const tip = (userId = pick(people.viewers), credits = 1 + Math.floor(rng() * 40)) =>
      post("tip", "/tips", { userId, performerId: pick(people.performers), credits });

    const scripts: Record<string, () => Promise<void>> = {
      tip: async () => void (await tip()),
      "tip-duplicate": async () => {
        const body = { userId: pick(people.viewers), performerId: pick(people.performers), credits: 1 + Math.floor(rng() * 40) };
        const key = keyOf("tip");
        // The same tip twice with one key, at once or one after the other: charged once.
        if (rng() < 0.5) await Promise.all([post("tip-duplicate", "/tips", body, key), post("tip-duplicate", "/tips", body, key)]);
        else {
          await post("tip-duplicate", "/tips", body, key);
          await post("tip-duplicate", "/tips", body, key);
        }
      },
      show: async () => {
        const userId = pick(people.viewers);
        const performerId = pick(people.performers);
        if (busyViewers.has(userId) || busyPerformers.has(performerId)) return void (await tip(userId));
        busyViewers.add(userId);
        busyPerformers.add(performerId);
        try {
          const requested = await post("show.request", "/shows", { userId, performerId });
          const showId = (requested.body.show as { id?: number } | undefined)?.id;
          if (requested.status !== 201 || !showId) return;
          const turn = rng();
          if (turn < 0.08) return void (await post("show.cancel", `/shows/${showId}/cancel`, {}));
          if (turn < 0.16) return void (await post("show.decline", `/shows/${showId}/decline`, {}));
          const accepted = await post("show.accept", `/shows/${showId}/accept`, {});
          if (accepted.status !== 200) return;
          activeShows.add(showId);
          const beats = 1 + Math.floor(rng() * 4);
          for (let i = 0; i < beats; i += 1) {
            await sleep(100 + Math.floor(rng() * 500));
            const key = keyOf("heartbeat");
            const beat = await post("show.heartbeat", `/shows/${showId}/heartbeat`, {}, key);
            // A chat server that resends a heartbeat with its key gets the stored answer again.
            if (rng() < 0.1) await post("show.heartbeat-duplicate", `/shows/${showId}/heartbeat`, {}, key);
            if ((beat.body.show as { status?: string } | undefined)?.status === "ended") {
              activeShows.delete(showId);
              return;
            }
          }
          if (rng() < 0.06) {
            // The chat server "dies": no more heartbeats; the timeout rule (or the final clean-up) ends it.
            activeShows.delete(showId);
            abandoned.add(showId);
            return;
          }
          await post("show.end", `/shows/${showId}/end`, { reason: pick(["user_left", "performer_left", "disconnected"] as const) });
          activeShows.delete(showId);
        } finally {
          busyViewers.delete(userId);
          busyPerformers.delete(performerId);
        }
      },
      batch: async () => {
        const showIds = [...activeShows].slice(0, 1000);
        if (showIds.length === 0) return void (await tip());
        await post("heartbeats", "/heartbeats", { showIds });
      },
      user: async () => void (await send({ kind: "user", method: "GET", path: `${BASE}/users/${pick(people.viewers)}` })),
      ipn: async () => void (await send({ kind: "ipn", ipn: purchase(people, pick(people.viewers)).body })),
      "ipn-duplicate": async () => {
        // PayPal resends a message it thinks was not received: credited once.
        const { body } = purchase(people, pick(people.viewers));
        await send({ kind: "ipn-duplicate", ipn: body });
        await send({ kind: "ipn-duplicate", ipn: body });
      },
      "ipn-forged": async () => {
        const { body, txn } = purchase(people, pick(people.viewers));
        forged.add(txn);
        mustNotCredit.add(txn);
        await send({ kind: "ipn-forged", ipn: body });
      },
      "ipn-wrong-receiver": async () => {
        const { body, txn } = purchase(people, pick(people.viewers), { receiver_email: "thief@example.com", business: "thief@example.com" });
        mustNotCredit.add(txn);
        await send({ kind: "ipn-wrong-receiver", ipn: body });
      },
      "refund-after-spending": async () => {
        const userId = people.refundViewers.find((id) => !busyViewers.has(id) && !refunded.has(id));
        if (userId === undefined) return void (await tip());
        refunded.add(userId);
        const bought = purchase(people, userId);
        await send({ kind: "refund.purchase", ipn: bought.body });
        // The purchase is applied after PayPal's answer: wait for the credits, then spend them all.
        for (let i = 0; i < 20; i += 1) {
          const status = await send({ kind: "refund.user", method: "GET", path: `${BASE}/users/${userId}` });
          if (((status.body.user as { credits?: number } | undefined)?.credits ?? 0) >= PACK_CREDITS) break;
          await sleep(250);
        }
        await tip(userId, PACK_CREDITS);
        const refund = ipnFields({
          txn_id: paypalId(), parent_txn_id: bought.txn, payment_status: "Refunded", mc_gross: `-${PACK_PRICE}`, payment_gross: `-${PACK_PRICE}`,
          reason_code: "refund", custom: String(userId), item_number: String(people.packId), txn_type: undefined, receiver_email: RECEIVER, business: RECEIVER,
        });
        await send({ kind: "refund.refund", ipn: ipnBody(refund) });
      },
    };
    const refunded = new Set<number>();
    const totalWeight = MIX.reduce((sum, mix) => sum + mix.weight, 0);
    const nextScript = () => {
      let roll = rng() * totalWeight;
      for (const mix of MIX) if ((roll -= mix.weight) < 0) return mix.kind;
      return "tip";
    };

    log(`chaos: ${options.requests} requests from ${options.clients} clients, ${options.kills} kill(s)`);
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (summary.requests < options.requests) await scripts[nextScript()]!();
      }),
    );
    while (site.down) await site.up;
    log(`chaos: load done: ${summary.requests} requests, ${summary.attempts} attempts`);

    if (options.waitSweeper && abandoned.size > 0) {
      log(`chaos: waiting 55 s for the sweep to end ${abandoned.size} abandoned show(s)`);
      await sleep(55_000);
    }
    // Whatever is still active is ended through the API, as a chat server coming back would.
    const { rows: stillActive } = await db.query<{ id: number }>(`SELECT id FROM private_shows WHERE status = 'active'`);
    for (const { id } of stillActive) await post("cleanup.end", `/shows/${id}/end`, { reason: "disconnected" });
    // IPNs are verified and applied after the 200: give the last ones a moment.
    for (let i = 0; i < 40; i += 1) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM paypal_messages WHERE outcome = 'received' AND received_at > now() - interval '10 seconds'`);
      if (rows[0]!.n === 0) break;
      await sleep(250);
    }

    const { rows: outcomes } = await db.query<{ outcome: string; n: number }>(`SELECT outcome, count(*)::int AS n FROM paypal_messages GROUP BY outcome ORDER BY outcome`);
    summary.ipnOutcomes = Object.fromEntries(outcomes.map((row) => [row.outcome, row.n]));
    const { rows: ends } = await db.query<{ reason: string; n: number }>(
      `SELECT coalesce(end_reason::text, status::text) AS reason, count(*)::int AS n FROM private_shows GROUP BY 1 ORDER BY 1`,
    );
    summary.showsEndedBy = Object.fromEntries(ends.map((row) => [row.reason, row.n]));
    summary.checks = await runChecks(db, { mustNotCredit, ackedTips: ackedTips.size, abandoned: options.waitSweeper ? abandoned : new Set() });
    summary.ok =
      summary.checks.every((check) => check.ok) &&
      summary.gaveUp === 0 &&
      summary.kills.length === options.kills &&
      summary.kills.every((kill) => kill.killed.every((victim) => !/OUTSIDE|SURVIVED/.test(victim)));
  } finally {
    await db.end().catch(() => undefined);
    await app.stop();
    await paypal.close();
    summary.wallMs = Date.now() - started;
  }
  return summary;
}

/** A Completed purchase IPN of the chaos pack for `userId`, as PayPal formats it. */
function purchase(people: ChaosPeople, userId: number, overrides: Record<string, string> = {}): { txn: string; body: string } {
  const txn = paypalId();
  const fields = ipnFields({ txn_id: txn, custom: String(userId), item_number: String(people.packId), mc_gross: PACK_PRICE, payment_gross: PACK_PRICE, ...overrides });
  return { txn, body: ipnBody(fields) };
}
