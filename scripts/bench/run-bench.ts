import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import pg from "pg";
import { runBatchHeartbeats, verifyBilling, BATCH_SIZE, type BatchResult, type Verification } from "./batch";
import { AUDIENCE_VIEWERS, AUDIENCE_WALLS, runAudience, WALL_PERFORMERS } from "./audience";
import { audienceSection, audienceTargets } from "./audience-report";
import { cpuSnapshot, cpuUsage, type CpuUsage } from "./cpu";
import { runDbCeiling, type DbCeilingResult } from "./db-ceiling";
import { runLoad, type LoadResult, type RequestFactory } from "./load";
import { runNotifyCeiling, type NotifyCeilingResult } from "./notify-ceiling";
import { parseOptions } from "./options";
import { enableStatements, resetStatements, topStatements } from "./pg-statements";
import { machine, table, writeResultsDoc, type Row } from "./report";
import { createCreditPack, createPairs, startShows, type Pair } from "./seed";
import { summarizeProfile } from "./profile-summary";
import { BENCH_AUTH_SECRET, BENCH_CHAT_API_SECRET, buildApp, killChildren, nextServerPid, serverLogTail, startApp, SERVER_LOG, type RunningApp } from "./server";
import { signedHeaders } from "./sign";
import { runStages, type StageResult } from "./stages";

// `npm run bench`: build, start the production app on a fresh embedded database, measure the chat
// API against the framework's no-op route and the database's own ceiling, bill 10,000 concurrent
// shows in batches and verify every credit, print one table and write it to docs/benchmarks.md.
// See docs/benchmarks.md for what each scenario means and scripts/bench/options.ts for the flags.

const POOL_PAIRS = 2000;
const TARGET_RATIO = 0.5;
const STAGE_CONCURRENCY = 20;
const TARGET_BATCH_P99_MS = 100;
const NOTIFY_PUBLISHERS = 16;
const NOTIFY_SECONDS = 5;
const DOC = "docs/benchmarks.md";
// The app server writes each profile to CPU_PROFILE; it is then renamed after its scenario.
const CPU_PROFILE = ".data/bench-app.cpuprofile";
const cpuProfileOf = (scenario: string) => `.data/bench-${scenario}.cpuprofile`;

const options = parseOptions(process.argv.slice(2));
const runId = randomBytes(4).toString("hex");
const log = (line: string) => console.log(line);
let app: RunningApp | undefined;
let interrupted = false;

async function shutdown(code: number): Promise<never> {
  try {
    await app?.stop();
  } finally {
    killChildren();
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the app and its database…`);
    void shutdown(130);
  });
}

// Exact, immediate counters (pg_stat_database lags: backends flush their statistics only every
// second or when idle): the next transaction id counts every transaction that wrote something, and
// the WAL position counts the bytes written to the log.
type DbCounters = { nextXid: number; walBytes: number };

async function dbCounters(pool: pg.Pool): Promise<DbCounters | null> {
  try {
    const { rows } = await pool.query<{ xid: string; wal: string }>(
      "SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS wal",
    );
    return { nextXid: Number(rows[0]!.xid), walBytes: Number(rows[0]!.wal) };
  } catch {
    return null;
  }
}

type Profile = { label: string; requests: number; cpu: CpuUsage | null; writeTx: number | null; walBytes: number | null; statements?: string[] };

/** Runs `measure` with CPU and database counters around it. */
async function profiled<T>(pool: pg.Pool, label: string, measure: () => Promise<T>, count: (result: T) => number): Promise<{ result: T; profile: Profile }> {
  if (options.pgStatements) await resetStatements(pool);
  const dbBefore = await dbCounters(pool);
  const cpuBefore = cpuSnapshot(app!.pid);
  const result = await measure();
  const cpuAfter = cpuSnapshot(app!.pid);
  const dbAfter = await dbCounters(pool);
  const statements = options.pgStatements ? await topStatements(pool, count(result)) : undefined;
  if (statements) for (const line of [`pg_stat_statements, ${label}:`, ...statements]) log(`   ${line}`);
  return {
    result,
    profile: {
      label,
      requests: count(result),
      cpu: cpuUsage(cpuBefore, cpuAfter),
      writeTx: dbBefore && dbAfter ? dbAfter.nextXid - dbBefore.nextXid : null,
      walBytes: dbBefore && dbAfter ? dbAfter.walBytes - dbBefore.walBytes : null,
      statements,
    },
  };
}

function describeLoad(name: string, r: LoadResult): string {
  const codes = Object.entries(r.statusCodes).map(([code, n]) => `${code}×${n}`).join(", ");
  return `  ${name}: ${r.requests} requests in ${r.seconds.toFixed(1)} s → ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, non-2xx ${r.non2xx}, errors ${r.errors} (timeouts ${r.timeouts}) [${codes}]`;
}

async function preflight(baseUrl: string, method: "GET" | "POST", path: string, body: string, expected: number): Promise<void> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: method === "GET" ? {} : signedHeaders({ secret: BENCH_CHAT_API_SECRET, method, path, body, idempotencyKey: `bench-${runId}-preflight-${randomBytes(4).toString("hex")}` }),
    body: method === "GET" ? undefined : body,
  });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`Pre-flight ${method} ${path} answered ${response.status} (expected ${expected}): ${text.slice(0, 500)}\n--- server log (${SERVER_LOG}) ---\n${serverLogTail()}`);
  }
}

async function measureLoad(
  pool: pg.Pool,
  label: string,
  baseUrl: string,
  key: string,
  next: RequestFactory,
  around: { before?: () => void; after?: () => void } = {},
): Promise<{ result: LoadResult; profile: Profile }> {
  const common = { baseUrl, secret: BENCH_CHAT_API_SECRET, connections: options.connections, next };
  if (options.warmup > 0) {
    const warm = await runLoad({ ...common, seconds: options.warmup, keyPrefix: `bench-${runId}-${key}-warmup` });
    log(describeLoad(`${label} warm-up`, warm));
  }
  const measured = await profiled(
    pool,
    label,
    async () => {
      around.before?.();
      try {
        return await runLoad({ ...common, seconds: options.duration, keyPrefix: `bench-${runId}-${key}` });
      } finally {
        around.after?.();
      }
    },
    (r) => r.requests,
  );
  log(describeLoad(label, measured.result));
  return measured;
}

/** SIGUSR2 to the next-server process: starts, then stops and writes, the CPU profile (cpu-profile-hook.mjs). */
function toggleProfiler(): void {
  const pid = nextServerPid(app!.pid);
  if (!pid) throw new Error("--cpu-prof: cannot find the next-server process");
  process.kill(pid, "SIGUSR2");
}

async function reportProfile(scenario: "heartbeat" | "tip" | "batch" | "wall", description: string): Promise<void> {
  for (let i = 0; i < 100 && !existsSync(CPU_PROFILE); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!existsSync(CPU_PROFILE)) {
    log(`--cpu-prof: no profile was written to ${CPU_PROFILE}`);
    return;
  }
  const file = cpuProfileOf(scenario);
  renameSync(CPU_PROFILE, file);
  log(`== CPU profile of the app server during the measured ${description}: ${file}`);
  for (const line of summarizeProfile(file)) log(`   ${line}`);
}

function profileLines(profiles: Profile[]): string[] {
  const lines = [
    "| scenario | app CPU ms/request | PostgreSQL CPU ms/request | load generator CPU ms/request | other processes CPU s | write transactions/request | WAL KiB/request |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const p of profiles) {
    const per = (x: number | undefined | null) => (x == null || p.requests === 0 ? "—" : ((x * 1000) / p.requests).toFixed(2));
    const perCount = (x: number | null) => (x == null || p.requests === 0 ? "—" : (x / p.requests).toFixed(2));
    lines.push(
      `| ${p.label} | ${per(p.cpu?.app)} | ${per(p.cpu?.postgres)} | ${per(p.cpu?.bench)} | ${p.cpu ? p.cpu.other.toFixed(1) : "—"} | ${perCount(p.writeTx)} | ${p.walBytes == null || p.requests === 0 ? "—" : (p.walBytes / 1024 / p.requests).toFixed(2)} |`,
    );
  }
  return lines;
}

function stageTable(stages: StageResult[]): string {
  const lines = ["| stage | ops/s | p50 ms | p99 ms | app CPU ms/op | PostgreSQL CPU ms/op | errors |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const s of stages) {
    const sync = s.pgCpuMs === 0 && s.p50 === s.p99;
    lines.push(`| ${s.stage} | ${sync ? "—" : s.opsPerSecond.toFixed(0)} | ${sync ? "—" : s.p50.toFixed(1)} | ${sync ? "—" : s.p99.toFixed(1)} | ${s.appCpuMs < 0.1 ? s.appCpuMs.toFixed(3) : s.appCpuMs.toFixed(2)} | ${s.pgCpuMs == null ? "—" : s.pgCpuMs.toFixed(2)} | ${s.errors} |`);
  }
  return lines.join("\n");
}

/** Scenario e: options.shows concurrent shows billed through POST /heartbeats (profiled with --cpu-prof). */
async function batchScenario(pool: pg.Pool, baseUrl: string): Promise<{ batch: { result: BatchResult; profile: Profile }; showIds: number[] }> {
  const cycle = options.shows / BATCH_SIZE;
  log(`== e. ${options.shows} concurrent shows: ${options.shows} viewers + ${options.shows} performers + accepted shows`);
  const showPairs = await createPairs(pool, `${runId}s`, options.shows);
  const showIds = await startShows(pool, showPairs);
  // 30,000 rows written in a second is the seed's doing, not a site's: a live site's tables grow row by
  // row while autovacuum keeps up. Settle them (statistics, visibility map, a checkpoint) before the
  // clock starts, so the first batches do not pay for the seed's aftermath.
  await pool.query("VACUUM ANALYZE users, performers, private_shows, ledger_entries");
  await pool.query("CHECKPOINT");
  log(`   billing them through POST /api/chat/v1/heartbeats: ${BATCH_SIZE} ids per request, 1 request/s (each show every ${cycle} s), ${options.batchSeconds} s`);
  const batch = await profiled<BatchResult>(
    pool,
    "batch heartbeats (per batch of 1000)",
    () => runBatchHeartbeats({
      baseUrl, secret: BENCH_CHAT_API_SECRET, showIds, seconds: options.batchSeconds, keyPrefix: `bench-${runId}-batch`, log,
      ...(options.cpuProf ? { before: toggleProfiler, after: toggleProfiler } : {}),
    }),
    (r) => r.batches,
  );
  if (options.cpuProf) await reportProfile("batch", "batch run");
  const b = batch.result;
  log(`  ${b.batches} batches in ${b.seconds.toFixed(1)} s (${(b.batches * BATCH_SIZE / b.seconds).toFixed(0)} show heartbeats/s): p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms, max ${b.max.toFixed(1)} ms; failed requests ${b.failedRequests}, error items ${b.itemErrors}, ended items ${b.endedItems}`);
  for (const problem of b.firstProblems) log(`    ${problem}`);
  return { batch, showIds };
}

/** --only=batch: the batch scenario and its verification, printed, not written to the doc. */
async function onlyBatch(pool: pg.Pool, baseUrl: string): Promise<number> {
  const { batch, showIds } = await batchScenario(pool, baseUrl);
  const b = batch.result;
  const verification = await verifyBilling(pool, { label: `${options.shows} batch shows`, showIds, cycleSeconds: options.shows / BATCH_SIZE, batchSeconds: options.batchSeconds, liveness: true });
  for (const line of verification.lines) log(`  ${line}`);
  const verified = verification.pass && b.errors === 0 && b.endedItems === 0;
  log(`  billing verification: ${verified ? "PASS" : "FAIL"}`);
  log(`  latency of each batch in sending order (ms): ${b.latencies.map((ms) => ms.toFixed(0)).join(" ")}`);
  log(profileLines([batch.profile]).join("\n"));
  log(`(--only=batch: not written to ${DOC})`);
  return verified ? 0 : 1;
}

/** --only=audience: SSE audience, the wall and the NOTIFY ceiling, written to their own section of the doc. */
async function onlyAudience(pool: pg.Pool, baseUrl: string, about: { host: ReturnType<typeof machine>; nextVersion: string; pgVersion: string }): Promise<number> {
  const serverPid = nextServerPid(app!.pid);
  if (!serverPid) throw new Error("--only=audience: cannot find the next-server process");
  log(`== audience: ${AUDIENCE_VIEWERS} viewers in one room, ${AUDIENCE_WALLS} walls, ${WALL_PERFORMERS} performers`);
  const audience = await runAudience({
    pool, baseUrl, authSecret: BENCH_AUTH_SECRET, chatApiSecret: BENCH_CHAT_API_SECRET, tag: runId, serverPid, launcherPid: app!.pid, log,
    ...(options.cpuProf ? { aroundWall: { before: toggleProfiler, after: toggleProfiler } } : {}),
  });
  if (options.cpuProf) await reportProfile("wall", "wall server-rendering run");
  const ceiling: NotifyCeilingResult[] = [];
  for (const listeners of [1, 2, 8]) {
    log(`== NOTIFY ceiling: ${listeners} listening instance(s), ${NOTIFY_PUBLISHERS} publishers, ${NOTIFY_SECONDS} s`);
    const result = await runNotifyCeiling({ databaseUrl: app!.databaseUrl, listeners, publishers: NOTIFY_PUBLISHERS, seconds: NOTIFY_SECONDS });
    log(`   ${result.sent.toFixed(0)} NOTIFY/s, ${result.delivered.toFixed(0)} received/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, lost ${result.lost}`);
    ceiling.push(result);
  }
  const section = audienceSection({ when: new Date(), ...about, fdLimit: fdLimit(), audience, ceiling });
  console.log(`\n${section}`);
  if (options.docs && options.cpuProf) log(`(not written to ${DOC}: --cpu-prof slows the server down)`);
  else if (options.docs) {
    writeResultsDoc(DOC, section, "audience");
    log(`(written to ${DOC})`);
  }
  return audienceTargets(audience).pass ? 0 : 1;
}

function fdLimit(): string {
  const match = /Max open files\s+(\d+|unlimited)/.exec(readFileSync("/proc/self/limits", "utf8"));
  return match ? match[1]! : "unknown";
}

async function main(): Promise<number> {
  const started = Date.now();
  const host = machine();
  log(`bench ${runId}: ${host.cpu}, ${host.cores} cores, ${host.memory}, node ${host.node}`);
  if (options.build) {
    log("== next build (production)");
    await buildApp();
  } else log("== --no-build: using the existing .next build");

  log(`== starting the app on port ${options.port} with a fresh embedded PostgreSQL on ${options.pgPort} (log: ${SERVER_LOG})`);
  if (options.cpuProf) rmSync(CPU_PROFILE, { force: true });
  app = await startApp({ port: options.port, pgPort: options.pgPort, cpuProfFile: options.cpuProf ? CPU_PROFILE : undefined, pgStatements: options.pgStatements, log });
  const { baseUrl } = app;
  const pool = new pg.Pool({ connectionString: app.databaseUrl, max: Math.max(options.dbClients, 4) });
  try {
    const { rows: versionRows } = await pool.query<{ server_version: string }>("SHOW server_version");
    const pgVersion = versionRows[0]!.server_version;
    const nextVersion = (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
    log(`   ready after ${((Date.now() - started) / 1000).toFixed(0)} s: Next.js ${nextVersion}, PostgreSQL ${pgVersion}`);

    if (options.pgStatements) await enableStatements(pool);
    if (options.only === "batch") {
      await createCreditPack(pool);
      return await onlyBatch(pool, baseUrl);
    }
    if (options.only === "audience") return await onlyAudience(pool, baseUrl, { host, nextVersion, pgVersion });
    log(`== bench data: a credit pack, ${POOL_PAIRS} viewers + ${POOL_PAIRS} performers`);
    await createCreditPack(pool);
    const pairs = await createPairs(pool, `${runId}a`, POOL_PAIRS);

    log("== pre-flight: one request of each kind");
    await preflight(baseUrl, "GET", "/api/bench/noop", "", 200);
    await preflight(baseUrl, "POST", "/api/chat/v1/tips", JSON.stringify({ userId: pairs[0]!.viewerId, performerId: pairs[1]!.performerId, credits: 1 }), 201);

    const profiles: Profile[] = [];
    log(`== a. no-op: GET /api/bench/noop, ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s`);
    const noop = await measureLoad(pool, "no-op", baseUrl, "noop", () => ({ method: "GET", path: "/api/bench/noop", body: "", signed: false }));
    profiles.push(noop.profile);

    log(`== b. single heartbeats over ${POOL_PAIRS} active shows`);
    const hbShowIds = await startShows(pool, pairs);
    await preflight(baseUrl, "POST", `/api/chat/v1/shows/${hbShowIds[0]}/heartbeat`, "{}", 200);
    const heartbeat = await measureLoad(pool, "single heartbeat", baseUrl, "hb", (n) => ({
      method: "POST",
      path: `/api/chat/v1/shows/${hbShowIds[n % hbShowIds.length]}/heartbeat`,
      body: "{}",
      signed: true,
    }), options.cpuProf ? { before: toggleProfiler, after: toggleProfiler } : {});
    profiles.push(heartbeat.profile);
    if (options.cpuProf) await reportProfile("heartbeat", "single-heartbeat run");

    log(`== c. tips over ${POOL_PAIRS} viewers`);
    const tipBody = (n: number) => {
      const viewer = pairs[n % pairs.length]!;
      const performer = pairs[(n * 7 + 1) % pairs.length]!;
      return JSON.stringify({ userId: viewer.viewerId, performerId: performer.performerId, credits: 1 });
    };
    const tipsBefore = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM ppv_tips WHERE action = 'tips'")).rows[0]!.n);
    const tip = await measureLoad(pool, "tip", baseUrl, "tip", (n) => ({ method: "POST", path: "/api/chat/v1/tips", body: tipBody(n), signed: true }),
      options.cpuProf ? { before: toggleProfiler, after: toggleProfiler } : {});
    profiles.push(tip.profile);
    if (options.cpuProf) await reportProfile("tip", "tip run");
    const tipsAfter = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM ppv_tips WHERE action = 'tips'")).rows[0]!.n);
    const tip201 = tip.result.statusCodes["201"] ?? 0;
    log(`   tips written during the measured run: ${tipsAfter - tipsBefore} (201 answers: ${tip201})`);

    let stages: StageResult[] = [];
    if (options.stageSeconds > 0) {
      log(`== stages of a heartbeat, a tip and a batch, in this process (no HTTP, no Next.js), ${STAGE_CONCURRENCY} concurrent, ${options.stageSeconds} s each`);
      const stagePairs = await createPairs(pool, `${runId}c`, POOL_PAIRS);
      const stageShowIds = await startShows(pool, stagePairs);
      stages = await runStages({
        databaseUrl: app.databaseUrl,
        secret: BENCH_CHAT_API_SECRET,
        authSecret: BENCH_AUTH_SECRET,
        appPid: app.pid,
        concurrency: STAGE_CONCURRENCY,
        seconds: options.stageSeconds,
        showIds: stageShowIds,
        tips: stagePairs.map((p, i) => ({ userId: p.viewerId, performerId: stagePairs[(i * 7 + 1) % stagePairs.length]!.performerId })),
        log,
      });
    }

    log(`== d. PostgreSQL ceiling: debit + ledger in one transaction, ${options.dbClients} pooled clients, ${options.dbSeconds} s`);
    const db = await profiled<DbCeilingResult>(
      pool,
      "PostgreSQL debit + ledger",
      () => runDbCeiling({ pool, clients: options.dbClients, seconds: options.dbSeconds, userIds: pairs.map((p: Pair) => p.viewerId), keyPrefix: `bench:${runId}:db` }),
      (r) => r.transactions,
    );
    profiles.push(db.profile);
    log(`  ${db.result.transactions} transactions in ${db.result.seconds.toFixed(1)} s → ${db.result.tps.toFixed(0)} tx/s, p50 ${db.result.p50.toFixed(1)} ms, p99 ${db.result.p99.toFixed(1)} ms, errors ${db.result.errors}${db.result.firstError ? ` (${db.result.firstError})` : ""}`);

    const cycle = options.shows / BATCH_SIZE;
    const { batch, showIds } = await batchScenario(pool, baseUrl);
    profiles.push(batch.profile);
    const b = batch.result;

    log("== verification (from the database)");
    const verifications: Verification[] = [
      await verifyBilling(pool, { label: `${options.shows} batch shows`, showIds, cycleSeconds: cycle, batchSeconds: options.batchSeconds, liveness: true }),
      await verifyBilling(pool, { label: `${POOL_PAIRS} single-heartbeat shows`, showIds: hbShowIds, cycleSeconds: cycle, batchSeconds: options.batchSeconds, liveness: false }),
    ];
    const verificationLines = [...new Set(verifications.flatMap((v) => v.lines))];
    const verified = verifications.every((v) => v.pass) && b.errors === 0 && b.endedItems === 0;
    for (const line of verificationLines) log(`  ${line}`);
    log(`  billing verification: ${verified ? "PASS" : "FAIL"}`);

    // Row updates that PostgreSQL could do as HOT (heap-only: no index entries written) vs. all updates.
    const { rows: tableStats } = await pool.query<{ relname: string; ins: string; upd: string; hot: string }>(
      `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables
        WHERE relname IN ('users', 'private_shows', 'ledger_entries', 'idempotency_records', 'ppv_tips') ORDER BY relname`,
    );
    const hotLines = tableStats.map((t) => `${t.relname}: ${t.ins} inserts, ${t.upd} updates of which HOT ${t.hot} (${Number(t.upd) ? ((Number(t.hot) / Number(t.upd)) * 100).toFixed(0) : "—"} %)`);
    log("== table writes over the whole run (pg_stat_user_tables; may lag by the last second)");
    for (const line of hotLines) log(`  ${line}`);

    // ---- the report
    const noopRps = noop.result.rps;
    const errorsOf = (r: LoadResult) => r.non2xx + r.errors;
    const rows: Row[] = [
      { scenario: "No-op `GET /api/bench/noop`", rps: noopRps, p50: noop.result.p50, p99: noop.result.p99, errors: errorsOf(noop.result), ratio: 1 },
      { scenario: "Single heartbeat `POST /api/chat/v1/shows/{id}/heartbeat`", rps: heartbeat.result.rps, p50: heartbeat.result.p50, p99: heartbeat.result.p99, errors: errorsOf(heartbeat.result), ratio: heartbeat.result.rps / noopRps },
      { scenario: "Tip `POST /api/chat/v1/tips`", rps: tip.result.rps, p50: tip.result.p50, p99: tip.result.p99, errors: errorsOf(tip.result), ratio: tip.result.rps / noopRps },
      { scenario: `Batch heartbeats \`POST /api/chat/v1/heartbeats\`, ${options.shows.toLocaleString("en-US")} active shows, ${BATCH_SIZE} ids/request, 1 request/s`, rps: b.rps, p50: b.p50, p99: b.p99, errors: b.errors, ratio: null },
      { scenario: `PostgreSQL alone: debit + ledger transaction, node-pg pool of ${options.dbClients} (tx/s)`, rps: db.result.tps, p50: db.result.p50, p99: db.result.p99, errors: db.result.errors, ratio: null },
    ];
    const hbRatio = heartbeat.result.rps / noopRps;
    const tipRatio = tip.result.rps / noopRps;
    const targets = [
      `${hbRatio >= TARGET_RATIO ? "PASS" : "MISS"} single heartbeat ≥ 50 % of no-op: ${(hbRatio * 100).toFixed(1)} %`,
      `${tipRatio >= TARGET_RATIO ? "PASS" : "MISS"} tip ≥ 50 % of no-op: ${(tipRatio * 100).toFixed(1)} %`,
      `${b.p99 < TARGET_BATCH_P99_MS && b.errors === 0 ? "PASS" : "MISS"} ${options.shows.toLocaleString("en-US")} concurrent shows, batch p99 < ${TARGET_BATCH_P99_MS} ms: p99 ${b.p99.toFixed(1)} ms (max ${b.max.toFixed(1)} ms, ${b.errors} errors)`,
      `${verified ? "PASS" : "FAIL"} billing verification after the batch run (every show billed by the rule, Σ ledger = balance, no negative balance, all shows active)`,
    ];
    const when = new Date();
    const section = [
      `### ${when.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      "",
      `Machine: ${host.cpu}, ${host.cores} cores, ${host.memory} RAM, ${host.os}; Node.js ${host.node}, Next.js ${nextVersion}, PostgreSQL ${pgVersion} (embedded, default durable settings).`,
      `Run: ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per HTTP scenario; batch scenario ${options.batchSeconds} s; PostgreSQL loop ${options.dbSeconds} s.`,
      "",
      table(rows),
      "",
      "Targets:",
      "",
      ...targets.map((t) => `- ${t}`),
      "",
      "Verification (from the database, after the batch run):",
      "",
      ...verificationLines.map((l) => `- ${l}`),
      "",
      "Where the time goes (CPU per request from /proc: the app server, its PostgreSQL, the load generator, and everything else on the machine during the run; write transactions from the transaction ids consumed, WAL from the log position):",
      "",
      ...profileLines(profiles),
      "",
      ...(stages.length ? [
        `Stages, measured in the bench process against the same database by calling the project's functions and exported route handlers (no HTTP, no Next.js; ${STAGE_CONCURRENCY} concurrent — enough to keep Prisma's default pool of 10 busy —, the batch stages one call at a time):`,
        "",
        stageTable(stages),
        "",
      ] : []),
    ].join("\n");
    console.log(`\n${section}`);
    if (options.docs && options.cpuProf) log(`(not written to ${DOC}: --cpu-prof slows the server down)`);
    else if (options.docs) {
      writeResultsDoc(DOC, section);
      log(`(written to ${DOC})`);
    }
    log(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return verified ? 0 : 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** The whole bench ends with the audience scenario, on its own fresh app and database (its wall must hold exactly 1,000 performers). */
async function mainThenAudience(): Promise<number> {
  const code = await main();
  if (options.only !== null || interrupted) return code;
  await app?.stop();
  app = undefined;
  options.only = "audience";
  options.build = false;
  return Math.max(code, await main());
}

mainThenAudience()
  .then(async (code) => shutdown(code))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  });
