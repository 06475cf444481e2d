import { readFileSync } from "node:fs";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import { cpuSnapshot, cpuUsage, type CpuUsage } from "./cpu";
import { runLoad, type LoadResult } from "./load";
import { createPairs, createViewers } from "./seed";
import { signedHeaders } from "./sign";
import { openSse, type SseStream } from "./sse-client";
import { percentile } from "./stats";

// `npm run bench -- --only=audience`: one instance, one room with 2,000 viewers' SSE streams, 500
// open walls, 1,000 performers on the wall. The viewers are signed in with session cookies minted
// here with the server's AUTH_SECRET (next-auth's own encode), as the sign-in route would set them,
// so no password hashing is measured. Every stream is a real HTTP connection from this process.

export const AUDIENCE_VIEWERS = 2_000;
export const AUDIENCE_WALLS = 500;
export const WALL_PERFORMERS = 1_000;
const MESSAGES = 10;
const STATUS_CHANGES = 10;
const CONNECT_CONCURRENCY = 50;
const REST_SECONDS = 15;
const WALL_SSR_SECONDS = 10;

export type Delivery = { sent: number; expected: number; received: number; p50: number; p99: number; max: number };

export type AudienceResult = {
  viewers: number;
  walls: number;
  performers: number;
  connectSeconds: { viewers: number; walls: number };
  rssMiB: { before: number; after: number };
  kibPerConnection: number;
  rest: CpuUsage | null;
  chat: Delivery;
  status: Delivery;
  wallSsr: LoadResult;
  wallBytes: number;
  failures: string[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cookie next-auth would set after a sign-in (http: no __Secure- prefix). */
export async function sessionCookie(secret: string, user: { id: number; username: string; email: string; role: string }): Promise<string> {
  const token = await encode({ secret, token: { sub: String(user.id), uid: user.id, role: user.role as "viewer", sv: 0, name: user.username, email: user.email } });
  return `next-auth.session-token=${token}`;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Runs `open` for every index, `concurrency` at a time, each resolved before the next starts. */
async function inWaves<T>(count: number, concurrency: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) out[i] = await open(i);
    }),
  );
  return out;
}

function delivery(latencies: number[], sent: number, expected: number): Delivery {
  latencies.sort((a, b) => a - b);
  return { sent, expected, received: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 };
}

export async function runAudience(options: {
  pool: pg.Pool;
  baseUrl: string;
  authSecret: string;
  chatApiSecret: string;
  tag: string;
  /** The next-server process (memory) and the launcher (CPU of its tree). */
  serverPid: number;
  launcherPid: number;
  /** Around the wall's server-rendering run (--cpu-prof starts and stops the profiler). */
  aroundWall?: { before: () => void; after: () => void };
  log: (line: string) => void;
}): Promise<AudienceResult> {
  const { pool, baseUrl, tag, log } = options;
  const failures: string[] = [];
  log(`   seeding ${WALL_PERFORMERS} online performers and ${AUDIENCE_VIEWERS} viewers`);
  const pairs = await createPairs(pool, `${tag}w`, WALL_PERFORMERS);
  const extra = await createViewers(pool, `${tag}x`, AUDIENCE_VIEWERS - pairs.length);
  const viewerIds = [...pairs.map((p) => p.viewerId), ...extra];
  const { rows: users } = await pool.query<{ id: number; username: string; email: string }>("SELECT id, username, email FROM users WHERE id = ANY($1::int[]) ORDER BY id", [viewerIds]);
  const cookies = await Promise.all(users.map((u) => sessionCookie(options.authSecret, { ...u, role: "viewer" })));
  const room = (await pool.query<{ slug: string }>("SELECT slug FROM performers WHERE id = $1", [pairs[0]!.performerId])).rows[0]!.slug;

  log(`   the wall server-rendered (GET /, ${WALL_PERFORMERS} performers), 1 connection, ${WALL_SSR_SECONDS} s`);
  const page = await fetch(`${baseUrl}/`);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`GET / answered ${page.status}`);
  options.aroundWall?.before();
  const wallSsr = await runLoad({ baseUrl, secret: "", connections: 1, seconds: WALL_SSR_SECONDS, keyPrefix: `${tag}-wall`, next: () => ({ method: "GET", path: "/", body: "", signed: false }) }).finally(() => options.aroundWall?.after());

  const rssBefore = rssMiB(options.serverPid);
  const sentAt = new Map<string, number>();
  const chatLatencies: number[] = [];
  const statusLatencies: number[] = [];

  log(`   opening ${AUDIENCE_VIEWERS} viewers' streams to /api/rooms/${room}/events (${CONNECT_CONCURRENCY} at a time)`);
  let t0 = performance.now();
  const viewers: SseStream[] = await inWaves(cookies.length, CONNECT_CONCURRENCY, async (i) => {
    const stream = openSse({
      url: `${baseUrl}/api/rooms/${room}/events`,
      cookie: cookies[i],
      keep: ["state", "chat"],
      onEvent: ({ event, data }, at) => {
        if (event !== "chat") return;
        const sent = sentAt.get((JSON.parse(data) as { text: string }).text);
        if (sent !== undefined) chatLatencies.push(at - sent);
      },
    });
    await stream.first("state", 60_000);
    stream.events.length = 0;
    return stream;
  });
  const viewersSeconds = (performance.now() - t0) / 1000;

  log(`   opening ${AUDIENCE_WALLS} walls' streams to /api/events/wall`);
  t0 = performance.now();
  const walls: SseStream[] = await inWaves(AUDIENCE_WALLS, CONNECT_CONCURRENCY / 2, async () => {
    const stream = openSse({
      url: `${baseUrl}/api/events/wall`,
      keep: ["snapshot", "status"],
      onEvent: ({ event, data }, at) => {
        if (event !== "status") return;
        const { performerId, status } = JSON.parse(data) as { performerId: number; status: string };
        const sent = sentAt.get(`${performerId}:${status}`);
        if (sent !== undefined) statusLatencies.push(at - sent);
      },
    });
    await stream.first("snapshot", 60_000);
    // The snapshot is 1,000 performers: not kept, so the bench's own memory stays small.
    stream.events.length = 0;
    return stream;
  });
  const wallsSeconds = (performance.now() - t0) / 1000;
  const streams = [...viewers, ...walls];
  try {
    await sleep(2_000);
    const rssAfter = rssMiB(options.serverPid);
    log(`   at rest for ${REST_SECONDS} s with ${streams.length} streams open`);
    const before = cpuSnapshot(options.launcherPid);
    await sleep(REST_SECONDS * 1000);
    const rest = cpuUsage(before, cpuSnapshot(options.launcherPid));

    log(`   ${MESSAGES} chat lines, one a second, each from another viewer`);
    for (let m = 0; m < MESSAGES; m += 1) {
      const text = `bench ${tag} line ${m}`;
      sentAt.set(text, performance.now());
      const response = await fetch(`${baseUrl}/api/rooms/${room}/chat`, { method: "POST", headers: { "content-type": "application/json", origin: new URL(baseUrl).origin, cookie: cookies[m]! }, body: JSON.stringify({ text }) });
      if (response.status !== 201) failures.push(`chat line ${m}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
      await sleep(1_000);
    }
    for (let i = 0; i < 50 && chatLatencies.length < MESSAGES * viewers.length; i += 1) await sleep(100);

    log(`   ${STATUS_CHANGES} performer status changes (PUT /api/chat/v1/performers/{id}/status), one a second`);
    for (let s = 0; s < STATUS_CHANGES; s += 1) {
      const performerId = pairs[1 + s]!.performerId;
      const path = `/api/chat/v1/performers/${performerId}/status`;
      const body = JSON.stringify({ status: "offline" });
      sentAt.set(`${performerId}:offline`, performance.now());
      const response = await fetch(baseUrl + path, { method: "PUT", headers: signedHeaders({ secret: options.chatApiSecret, method: "PUT", path, body, idempotencyKey: `${tag}-status-${s}` }), body });
      if (response.status !== 200) failures.push(`status change ${s}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
      await sleep(1_000);
    }
    for (let i = 0; i < 50 && statusLatencies.length < STATUS_CHANGES * walls.length; i += 1) await sleep(100);
    const dropped = streams.filter((s) => s.closed).length;
    if (dropped > 0) failures.push(`${dropped} streams closed during the run`);

    return {
      viewers: viewers.length,
      walls: walls.length,
      performers: WALL_PERFORMERS,
      connectSeconds: { viewers: viewersSeconds, walls: wallsSeconds },
      rssMiB: { before: rssBefore, after: rssAfter },
      kibPerConnection: ((rssAfter - rssBefore) * 1024) / streams.length,
      rest,
      chat: delivery(chatLatencies, MESSAGES, MESSAGES * viewers.length),
      status: delivery(statusLatencies, STATUS_CHANGES, STATUS_CHANGES * walls.length),
      wallSsr,
      wallBytes: Buffer.byteLength(html),
      failures,
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}
