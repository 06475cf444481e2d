import { randomBytes } from "node:crypto";
import { cpuSnapshot } from "./cpu";
import { percentile } from "./stats";
import { signedHeaders } from "./sign";

// Where a signed heartbeat's (and tip's) time goes, measured in this process — no HTTP, no Next.js
// server — by calling the project's own code against the app's database: the signature check, the
// idempotency claim + store, the domain transaction alone, and the whole route handler (the exported
// POST of the route file, given a signed Request). Each stage runs closed-loop with the same
// concurrency (the batch stages one call at a time) and reports ops/s, latency, and CPU per operation of this process
// (the app's share) and of PostgreSQL. Comparing the route handler here with the HTTP run shows what
// the framework and HTTP add; comparing the stages shows what each step costs.

export type StageResult = { stage: string; ops: number; opsPerSecond: number; p50: number; p99: number; appCpuMs: number; pgCpuMs: number | null; errors: number; firstError?: string };

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function closedLoop(options: {
  stage: string;
  concurrency: number;
  seconds: number;
  appPid: number;
  op: (n: number) => Promise<void>;
}): Promise<StageResult> {
  const { concurrency, op } = options;
  let counter = 0;
  // Warm-up (JIT, pool connections), not measured.
  const warmUntil = performance.now() + 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < warmUntil) await op(counter++).catch(() => undefined);
  }));
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const cpu0 = process.cpuUsage();
  const snap0 = cpuSnapshot(options.appPid);
  const start = performance.now();
  const stopAt = start + options.seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      try {
        await op(counter++);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const snap1 = cpuSnapshot(options.appPid);
  latencies.sort((a, b) => a - b);
  const ops = latencies.length;
  return {
    stage: options.stage,
    ops,
    opsPerSecond: ops / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    appCpuMs: ops ? (cpu.user + cpu.system) / 1000 / ops : 0,
    pgCpuMs: snap0 && snap1 && ops ? ((snap1.postgres - snap0.postgres) * 1000) / ops : null,
    errors,
    firstError,
  };
}

function signedRequest(baseUrl: string, secret: string, path: string, body: string, key: string): Request {
  return new Request(baseUrl + path, { method: "POST", headers: signedHeaders({ secret, method: "POST", path, body, idempotencyKey: key }), body });
}

/**
 * Runs the stages. `databaseUrl` and `secret` are the app's; `showIds` are active shows (one per
 * viewer) and `tips` the viewer/performer pairs to tip with. The project's modules are imported
 * here, after DATABASE_URL is set, so that their Prisma client talks to the bench database.
 */
export async function runStages(options: {
  databaseUrl: string;
  secret: string;
  authSecret: string;
  appPid: number;
  concurrency: number;
  seconds: number;
  showIds: number[];
  tips: { userId: number; performerId: number }[];
  log: (line: string) => void;
}): Promise<StageResult[]> {
  process.env.DATABASE_URL = options.databaseUrl;
  process.env.CHAT_API_SECRET = options.secret;
  process.env.AUTH_SECRET = options.authSecret;
  const { verifySignature } = await import("@/lib/server/chat-api/verify-signature");
  const { withIdempotency } = await import("@/lib/server/chat-api/idempotency");
  const { billShow } = await import("@/lib/server/shows/bill-show");
  const { sendTip } = await import("@/lib/server/tips/send-tip");
  const heartbeatRoute = (await import("@/app/api/chat/v1/shows/[id]/heartbeat/route")).POST as unknown as RouteHandler;
  const tipRoute = (await import("@/app/api/chat/v1/tips/route")).POST as unknown as RouteHandler;
  const { prisma } = await import("@/lib/db/prisma");

  const { secret, showIds, tips, concurrency, seconds, appPid } = options;
  const tag = randomBytes(4).toString("hex");
  const base = "http://127.0.0.1";
  const results: StageResult[] = [];
  const run = async (stage: string, op: (n: number) => Promise<void>, parallel = concurrency) => {
    const result = await closedLoop({ stage, concurrency: parallel, seconds, appPid, op });
    options.log(`  ${stage}: ${result.opsPerSecond.toFixed(0)} ops/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, app CPU ${result.appCpuMs.toFixed(2)} ms/op, PostgreSQL CPU ${result.pgCpuMs?.toFixed(2) ?? "—"} ms/op, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ""}`);
    results.push(result);
  };

  // 1. The HMAC check alone: synchronous, so a plain loop.
  {
    const body = new TextEncoder().encode("{}");
    const path = "/api/chat/v1/shows/1/heartbeat";
    const idempotencyKey = `bench-${tag}-verify`;
    const headers = signedHeaders({ secret, method: "POST", path, body: "{}", idempotencyKey });
    const timestamp = headers["x-chat-timestamp"]!;
    const signature = headers["x-chat-signature"]!;
    const n = 20_000;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) verifySignature({ secret, method: "POST", path, idempotencyKey, body, timestamp, signature, now: new Date() });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const result: StageResult = { stage: "verifySignature (HMAC-SHA256, constant-time compare)", ops: n, opsPerSecond: n / (ms / 1000), p50: ms / n, p99: ms / n, appCpuMs: (cpu.user + cpu.system) / 1000 / n, pgCpuMs: 0, errors: 0 };
    options.log(`  ${result.stage}: ${(result.appCpuMs * 1000).toFixed(1)} µs/op`);
    results.push(result);
  }

  // 2. One idempotency transaction (claim INSERT … ON CONFLICT, store UPDATE, one commit) around a handler that does nothing.
  await run("withIdempotency around a no-op (one transaction: claim, store, commit)", async (n) => {
    await withIdempotency({ key: `bench-${tag}-idem-${n}`, fingerprint: "0".repeat(64) }, async () => ({ status: 200, text: "{}" }));
  });

  // 3. The domain transactions alone.
  await run("billShow (heartbeat domain transaction)", async (n) => {
    await billShow({ showId: showIds[n % showIds.length]!, now: new Date() });
  });
  await run("sendTip (tip domain transaction)", async (n) => {
    const tip = tips[n % tips.length]!;
    await sendTip({ userId: tip.userId, performerId: tip.performerId, credits: 1, now: new Date() });
  });

  // 4. The exported route handlers, in-process: everything the route does, without Next.js and HTTP.
  const expectStatus = async (response: Response, status: number) => {
    const text = await response.text();
    if (response.status !== status) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  };
  await run("heartbeat route handler in-process (signature, body, zod, hot path: one read + one write)", async (n) => {
    const id = showIds[n % showIds.length]!;
    const request = signedRequest(base, secret, `/api/chat/v1/shows/${id}/heartbeat`, "{}", `bench-${tag}-hb-${n}`);
    await expectStatus(await heartbeatRoute(request, { params: Promise.resolve({ id: String(id) }) }), 200);
  });
  await run("tip route handler in-process (signature, body, zod, hot path: one read + one write)", async (n) => {
    const tip = tips[n % tips.length]!;
    const body = JSON.stringify({ userId: tip.userId, performerId: tip.performerId, credits: 1 });
    await expectStatus(await tipRoute(signedRequest(base, secret, "/api/chat/v1/tips", body, `bench-${tag}-tip-${n}`), { params: Promise.resolve({}) }), 201);
  });

  // 5. The batch: 1000 shows per call, one call at a time (as the chat server sends them, 1/s).
  const { billShows } = await import("@/lib/server/shows/bill-shows");
  const batchesRoute = (await import("@/app/api/chat/v1/heartbeats/route")).POST as unknown as RouteHandler;
  const halves = [showIds.slice(0, 1000), showIds.slice(1000, 2000)].filter((ids) => ids.length > 0);
  await run("billShows, 1000 shows (batch domain transaction), one at a time", async (n) => {
    await billShows({ showIds: halves[n % halves.length]!, now: new Date() });
  }, 1);
  await run("heartbeats route handler in-process, 1000 ids, one at a time", async (n) => {
    const body = JSON.stringify({ showIds: halves[n % halves.length] });
    await expectStatus(await batchesRoute(signedRequest(base, secret, "/api/chat/v1/heartbeats", body, `bench-${tag}-batch-${n}`), { params: Promise.resolve({}) }), 200);
  }, 1);

  await prisma.$disconnect();
  return results;
}
