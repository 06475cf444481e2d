import type pg from "pg";
import { signedHeaders } from "./sign";
import { percentile } from "./stats";

// 10,000 concurrent active shows billed the way a chat server hosting many rooms bills them:
// POST /api/chat/v1/heartbeats with 1000 show ids per request, one request per second, so that each
// show gets a heartbeat every (shows / 1000) s = 10 s. Open loop: a timer fires every second no
// matter how long the previous batch took (a slow server then has several batches in flight, as it
// would in production), and every request's latency is recorded.

export const BATCH_SIZE = 1000;

export type BatchResult = {
  batches: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Failed requests (non-200, network) plus per-show error items. */
  errors: number;
  failedRequests: number;
  itemErrors: number;
  endedItems: number;
  firstProblems: string[];
  /** Every measured batch's latency in ms, in the order the batches were sent. */
  latencies: number[];
};

type Item = { showId: number; status?: string; error?: { code: string; message: string } };

async function sendBatch(baseUrl: string, secret: string, ids: number[], key: string): Promise<{ ms: number; status: number; items: Item[]; text: string }> {
  const path = "/api/chat/v1/heartbeats";
  const body = JSON.stringify({ showIds: ids });
  const started = performance.now();
  const response = await fetch(baseUrl + path, {
    method: "POST",
    headers: signedHeaders({ secret, method: "POST", path, body, idempotencyKey: key }),
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let items: Item[] = [];
  if (response.status === 200) items = (JSON.parse(text) as { results: Item[] }).results;
  return { ms, status: response.status, items, text };
}

export async function runBatchHeartbeats(options: {
  baseUrl: string;
  secret: string;
  showIds: number[];
  seconds: number;
  keyPrefix: string;
  log: (line: string) => void;
  /** Called after the warm-up batch and after the last measured one (the bench's --cpu-prof toggle). */
  before?: () => void;
  after?: () => void;
}): Promise<BatchResult> {
  const { baseUrl, secret, showIds, keyPrefix } = options;
  const groups: number[][] = [];
  for (let i = 0; i < showIds.length; i += BATCH_SIZE) groups.push(showIds.slice(i, i + BATCH_SIZE));

  // One unmeasured cycle first, at the same pace (JIT and V8's optimisation of the route's code on
  // 1000-item payloads, prepared plans, pool connections, each show's first billing): the target is
  // the steady state of a chat server that sends a batch a second for hours. Its latencies are printed.
  const warmup: number[] = [];
  for (let g = 0; g < groups.length; g += 1) {
    const started = performance.now();
    warmup.push((await sendBatch(baseUrl, secret, groups[g]!, `${keyPrefix}-warmup-${g}`)).ms);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - started))));
  }
  options.log(`  warm-up cycle (${groups.length} batches, not measured), ms: ${warmup.map((ms) => ms.toFixed(0)).join(" ")}`);

  const latencies: number[] = [];
  const ordered: number[] = [];
  const problems: string[] = [];
  let failedRequests = 0;
  let itemErrors = 0;
  let endedItems = 0;
  const inFlight: Promise<void>[] = [];
  options.before?.();
  const start = performance.now();
  for (let i = 0; i < options.seconds; i += 1) {
    const due = start + i * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const ids = groups[i % groups.length]!;
    inFlight.push(
      sendBatch(baseUrl, secret, ids, `${keyPrefix}-${i}`).then(
        ({ ms, status, items, text }) => {
          latencies.push(ms);
          ordered[i] = ms;
          if (status !== 200) {
            failedRequests += 1;
            if (problems.length < 5) problems.push(`batch ${i}: HTTP ${status} ${text.slice(0, 300)}`);
            return;
          }
          for (const item of items) {
            if (item.error) {
              itemErrors += 1;
              if (problems.length < 5) problems.push(`batch ${i}: show ${item.showId}: ${item.error.code} ${item.error.message}`);
            } else if (item.status !== "active") endedItems += 1;
          }
          if (items.length !== ids.length) {
            failedRequests += 1;
            if (problems.length < 5) problems.push(`batch ${i}: ${items.length} results for ${ids.length} ids`);
          }
        },
        (error: unknown) => {
          failedRequests += 1;
          if (problems.length < 5) problems.push(`batch ${i}: ${String(error)}`);
        },
      ),
    );
    if ((i + 1) % 10 === 0) {
      const sorted = [...latencies].sort((a, b) => a - b);
      options.log(`  ${i + 1}/${options.seconds} batches sent; so far p50 ${percentile(sorted, 50).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`);
    }
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  options.after?.();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    batches: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    errors: failedRequests + itemErrors,
    failedRequests,
    itemErrors,
    endedItems,
    firstProblems: problems,
    latencies: ordered,
  };
}

export type Verification = { pass: boolean; lines: string[] };

/**
 * After the run, from the database: every batch show billed exactly by the rule
 * (creditsCharged = ceil(secondsBilled × rate / 60), capped by the credits, secondsBilled = the
 * started seconds up to its last heartbeat), its ledger rows adding up to creditsCharged, still
 * active and heard from within the last cycle; and for every user of the bench database Σ ledger =
 * balance and no negative balance.
 */
export async function verifyBilling(
  db: pg.Pool,
  options: { label: string; showIds: number[]; cycleSeconds: number; batchSeconds: number; liveness: boolean },
): Promise<Verification> {
  const { showIds, cycleSeconds, label, liveness } = options;
  const { rows } = await db.query<{
    shows: number; active: number; exhausted: number; other_ended: number; rule_ok: number; seconds_ok: number;
    ledger_ok: number; fresh: number; min_steps: number; avg_steps: string; max_seconds: number; min_seconds: number;
  }>(
    `WITH l AS (
       SELECT reference, -SUM(delta) AS charged, COUNT(*) AS steps
         FROM ledger_entries WHERE kind = 'show' GROUP BY reference),
     s AS (
       SELECT ps.*, u.credits AS user_credits,
              (ps.seconds_billed * ps.rate_per_minute + 59) / 60 AS owed,
              CEIL(EXTRACT(EPOCH FROM (ps.last_heartbeat_at - ps.started_at)))::int AS hb_seconds,
              COALESCE(l.charged, 0) AS ledger_charged,
              COALESCE(l.steps, 0) AS steps
         FROM private_shows ps JOIN users u ON u.id = ps.user_id LEFT JOIN l ON l.reference = 'show:' || ps.id
        WHERE ps.id = ANY($1::int[]))
     SELECT COUNT(*)::int AS shows,
            COUNT(*) FILTER (WHERE status = 'active')::int AS active,
            COUNT(*) FILTER (WHERE status = 'ended' AND end_reason = 'credits_exhausted')::int AS exhausted,
            COUNT(*) FILTER (WHERE status <> 'active' AND end_reason IS DISTINCT FROM 'credits_exhausted')::int AS other_ended,
            COUNT(*) FILTER (WHERE credits_charged = owed
                                OR (end_reason = 'credits_exhausted' AND credits_charged < owed AND user_credits = 0))::int AS rule_ok,
            COUNT(*) FILTER (WHERE seconds_billed = GREATEST(hb_seconds, 0))::int AS seconds_ok,
            COUNT(*) FILTER (WHERE ledger_charged = credits_charged)::int AS ledger_ok,
            COUNT(*) FILTER (WHERE last_heartbeat_at >= now() - make_interval(secs => $2::int + 5))::int AS fresh,
            COALESCE(MIN(steps), 0)::int AS min_steps,
            COALESCE(AVG(steps), 0)::numeric(10,2)::text AS avg_steps,
            COALESCE(MAX(seconds_billed), 0)::int AS max_seconds,
            COALESCE(MIN(seconds_billed), 0)::int AS min_seconds
       FROM s`,
    [showIds, cycleSeconds],
  );
  const r = rows[0]!;
  const { rows: users } = await db.query<{ users: number; mismatched: number; negative: number }>(
    `SELECT COUNT(*)::int AS users,
            COUNT(*) FILTER (WHERE u.credits <> COALESCE(l.total, 0))::int AS mismatched,
            COUNT(*) FILTER (WHERE u.credits < 0)::int AS negative
       FROM users u LEFT JOIN (SELECT user_id, SUM(delta) AS total FROM ledger_entries GROUP BY user_id) l ON l.user_id = u.id`,
  );
  const u = users[0]!;
  const n = showIds.length;
  // Each show is billed once per cycle; the first cycle may be short by the warm-up batch.
  const expectedSteps = Math.floor(options.batchSeconds / cycleSeconds);
  const show: [string, boolean][] = [
    [`${label}: shows found ${r.shows}/${n}`, r.shows === n],
    [`${label}: creditsCharged = ceil(secondsBilled × rate / 60) (capped by credits) ${r.rule_ok}/${n}`, r.rule_ok === n],
    [`${label}: secondsBilled = started seconds up to the last heartbeat ${r.seconds_ok}/${n}`, r.seconds_ok === n],
    [`${label}: Σ ledger of the show = creditsCharged ${r.ledger_ok}/${n}`, r.ledger_ok === n],
  ];
  const live: [string, boolean][] = liveness
    ? [
        [`${label}: still active ${r.active}/${n} (credits_exhausted ${r.exhausted}, other ends ${r.other_ended})`, r.active === n],
        [`${label}: heartbeat within the last ${cycleSeconds + 5} s ${r.fresh}/${n}`, r.fresh === n],
        [`${label}: billing steps per show min ${r.min_steps}, avg ${r.avg_steps} (expected ≥ ${expectedSteps}); secondsBilled ${r.min_seconds}..${r.max_seconds}`, r.min_steps >= expectedSteps],
      ]
    : [[`${label}: active ${r.active}, ended ${r.exhausted + r.other_ended} (no heartbeat since their scenario: the 45 s timeout ends them, billed to the last heartbeat); billing steps per show min ${r.min_steps}, avg ${r.avg_steps}`, true]];
  const all: [string, boolean][] = [
    [`all users: Σ ledger ≠ balance for ${u.mismatched}/${u.users}`, u.mismatched === 0],
    [`all users: negative balances ${u.negative}`, u.negative === 0],
  ];
  const checks = [...show, ...live, ...all];
  return { pass: checks.every(([, ok]) => ok), lines: checks.map(([text, ok]) => `${ok ? "ok  " : "FAIL"} ${text}`) };
}
