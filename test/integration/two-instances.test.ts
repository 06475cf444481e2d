import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatApiClient } from "@/lib/chat-api-client/chat-api-client";
import { prisma } from "@/lib/db/prisma";
import { SIGN_IN_PAIR_LIMIT } from "@/lib/server/auth/sign-in-throttle";
import { billShows } from "@/lib/server/shows/bill-shows";
import { CHAT_RATE_LIMIT } from "@/lib/validations/room";
import { sessionCookie } from "@/scripts/bench/audience";
import { openSse, type SseStream } from "@/scripts/bench/sse-client";
import { createActiveShows, createPerformer, createViewer, ledgerSum, showLedgerCharged } from "@/test/helpers/factories";
import { sleep, waitFor } from "@/test/helpers/realtime";

// Two production instances (`next start`; the existing .next build if it is newer than the sources,
// otherwise a fresh one) on this file's database, behind Debian's nginx configured with
// deploy/nginx/ppv-locations.conf — the locations webmasters copy — through
// test/integration/two-instances/nginx.conf. Everything goes through nginx; `X-Test-Instance: a|b`
// pins a request to one instance.
//
// Ports: TEST_INSTANCES_PORT (nginx; the instances take the next two) or free ones from the OS.

const NGINX = "/usr/sbin/nginx";
const ROOT = process.cwd();
const AUTH_SECRET = process.env.AUTH_SECRET!;
const CHAT_API_SECRET = process.env.CHAT_API_SECRET!;
const PASSWORD = "two-instances-password";

type Instance = "a" | "b";
type Server = { name: string; port: number; child: ChildProcess; log: string[] };

let prefix = "";
let nginx: ChildProcess | undefined;
let siteUrl = "";
const servers = new Map<Instance, Server>();
const streams: SseStream[] = [];

const pin = (instance?: Instance): Record<string, string> => (instance ? { "x-test-instance": instance } : {});

function api(instance?: Instance) {
  return createChatApiClient({ baseUrl: siteUrl, secret: CHAT_API_SECRET, fetch: (request) => {
    if (instance) request.headers.set("x-test-instance", instance);
    return fetch(request);
  } });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function ports(): Promise<[number, number, number]> {
  const base = Number(process.env.TEST_INSTANCES_PORT);
  if (base) return [base, base + 1, base + 2];
  return [await freePort(), await freePort(), await freePort()];
}

// What `next build` compiles: a build older than any of these would test yesterday's code.
const BUILD_INPUTS = ["app", "lib", "components", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];

function newestChange(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

function ensureBuild(): void {
  const buildId = statSync(path.join(ROOT, ".next/BUILD_ID"), { throwIfNoEntry: false });
  if (buildId && Math.max(...BUILD_INPUTS.map((entry) => newestChange(path.join(ROOT, entry)))) <= buildId.mtimeMs) return;
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed: the two-instance test needs a production build");
}

async function startServer(name: Instance, port: number): Promise<Server> {
  const log: string[] = [];
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: siteUrl,
      NEXTAUTH_URL: siteUrl,
      NEXTAUTH_SECRET: AUTH_SECRET,
      SEED_DEMO: "false",
      // The no-op route answers readiness checks and tells which instance served a request.
      BENCH_ROUTES: "true",
    },
  });
  const collect = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const server = { name, port, child, log };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited:\n${log.join("")}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/bench/noop`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`instance ${name} did not answer within 90 s:\n${log.join("")}`);
    await sleep(250);
  }
}

async function startNginx(port: number, portA: number, portB: number): Promise<void> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx (apt-get install nginx); .ci/run does`);
  const conf = readFileSync(path.join(ROOT, "test/integration/two-instances/nginx.conf"), "utf8")
    .replaceAll("@PREFIX@", prefix)
    .replaceAll("@PORT@", String(port))
    .replaceAll("@PORT_A@", String(portA))
    .replaceAll("@PORT_B@", String(portB))
    .replaceAll("@LOCATIONS@", path.join(ROOT, "deploy/nginx/ppv-locations.conf"));
  const file = path.join(prefix, "nginx.conf");
  writeFileSync(file, conf);
  const check = spawnSync(NGINX, ["-t", "-p", prefix, "-c", file, "-e", path.join(prefix, "error.log")], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  nginx = spawn(NGINX, ["-p", prefix, "-c", file, "-e", path.join(prefix, "error.log")], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(`${siteUrl}/api/bench/noop`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer:\n${readFileSync(path.join(prefix, "error.log"), "utf8")}`);
    await sleep(100);
  }
}

function stream(url: string, options: { instance: Instance; cookie?: string; keep: string[] }): SseStream {
  const opened = openSse({ url: siteUrl + url, cookie: options.cookie, headers: pin(options.instance), keep: options.keep });
  streams.push(opened);
  return opened;
}

async function viewerCookie(user: { id: number; username: string; email: string }): Promise<string> {
  return sessionCookie(AUTH_SECRET, { ...user, role: "viewer" });
}

async function postChat(instance: Instance, slug: string, cookie: string, text: string): Promise<number> {
  const response = await fetch(`${siteUrl}/api/rooms/${slug}/chat`, {
    method: "POST",
    headers: { ...pin(instance), cookie, "content-type": "application/json", origin: siteUrl },
    body: JSON.stringify({ text }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** next-auth's credentials sign-in as a browser form does it; true when a session cookie was set. */
async function signIn(instance: Instance, email: string, password: string): Promise<{ signedIn: boolean; error: string | null }> {
  const csrf = await fetch(`${siteUrl}/api/auth/csrf`, { headers: pin(instance) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${siteUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...pin(instance), cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const body = (await response.json()) as { url?: string };
  const signedIn = response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
  return { signedIn, error: body.url ? new URL(body.url).searchParams.get("error") : null };
}

async function expectBalancesMatchLedger(userIds: number[]): Promise<void> {
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, credits: true } });
  expect(users).toHaveLength(userIds.length);
  for (const user of users) expect({ id: user.id, ledger: await ledgerSum(user.id) }).toEqual({ id: user.id, ledger: user.credits });
}

describe("two app instances behind nginx on one PostgreSQL", () => {
  beforeAll(async () => {
    ensureBuild();
    prefix = mkdtempSync(path.join(os.tmpdir(), "ppv-two-instances-"));
    mkdirSync(prefix, { recursive: true });
    const [port, portA, portB] = await ports();
    siteUrl = `http://127.0.0.1:${port}`;
    const [a, b] = await Promise.all([startServer("a", portA), startServer("b", portB)]);
    servers.set("a", a);
    servers.set("b", b);
    await startNginx(port, portA, portB);
  }, 600_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    const running = [...servers.values()].filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    const exited = running.map((s) => new Promise((resolve) => s.child.once("exit", resolve)));
    for (const server of running) server.child.kill("SIGTERM");
    nginx?.kill("SIGQUIT");
    await Promise.all(exited);
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  }, 60_000);

  it("serves the site through nginx from both instances", async () => {
    for (const instance of ["a", "b"] as const) {
      const response = await fetch(`${siteUrl}/api/bench/noop`, { headers: pin(instance) });
      expect(response.status).toBe(200);
    }
  });

  it("a status change on instance A reaches a wall on instance B", async () => {
    const performer = await createPerformer();
    const wall = stream("/api/events/wall", { instance: "b", keep: ["snapshot", "status"] });
    await wall.first("snapshot");
    const { status } = await api("a").request("PUT", `/api/chat/v1/performers/${performer.id}/status`, { status: "offline" });
    expect(status).toBe(200);
    const event = await wall.first("status", 10_000);
    expect(JSON.parse(event.data)).toEqual({ performerId: performer.id, status: "offline" });
  });

  it("a chat line sent through A reaches viewers on A and on B", async () => {
    const performer = await createPerformer();
    const [onA, onB, sender] = await Promise.all([createViewer(), createViewer(), createViewer()]);
    const roomA = stream(`/api/rooms/${performer.slug}/events`, { instance: "a", cookie: await viewerCookie(onA), keep: ["state", "chat"] });
    const roomB = stream(`/api/rooms/${performer.slug}/events`, { instance: "b", cookie: await viewerCookie(onB), keep: ["state", "chat"] });
    await Promise.all([roomA.first("state"), roomB.first("state")]);
    expect(await postChat("a", performer.slug, await viewerCookie(sender), "hello both instances")).toBe(201);
    for (const room of [roomA, roomB]) {
      const chat = JSON.parse((await room.first("chat", 10_000)).data) as { text: string; from: { id: number } };
      expect(chat).toMatchObject({ text: "hello both instances", from: { id: sender.id } });
    }
  });

  it("a private show accepted on A ejects the other viewers on B", async () => {
    const performer = await createPerformer();
    const [payer, other] = await Promise.all([createViewer({ credits: 1_000 }), createViewer()]);
    const room = stream(`/api/rooms/${performer.slug}/events`, { instance: "b", cookie: await viewerCookie(other), keep: ["state", "kicked"] });
    await room.first("state");
    const requested = await api("b").request<{ show: { id: number } }>("POST", "/api/chat/v1/shows", { userId: payer.id, performerId: performer.id });
    expect(requested.status).toBe(201);
    expect((await api("a").request("POST", `/api/chat/v1/shows/${requested.body.show.id}/accept`)).status).toBe(200);
    expect(JSON.parse((await room.first("kicked", 10_000)).data)).toEqual({ reason: "private_show" });
    await waitFor(() => room.closed, "the ejected stream to close", 10_000);
  });

  it(`the room chat limit (${CHAT_RATE_LIMIT} lines per user per window) holds across both instances`, async () => {
    const performer = await createPerformer();
    const sender = await createViewer();
    const cookie = await viewerCookie(sender);
    const statuses: number[] = [];
    for (let i = 0; i <= CHAT_RATE_LIMIT; i += 1) statuses.push(await postChat(i % 2 === 0 ? "a" : "b", performer.slug, cookie, `line ${i}`));
    expect(statuses).toEqual([...Array<number>(CHAT_RATE_LIMIT).fill(201), 429]);
  });

  it(`the sign-in limit (${SIGN_IN_PAIR_LIMIT} failures for one account from one address) holds across both instances`, async () => {
    const viewer = await createViewer();
    await prisma.user.update({ where: { id: viewer.id }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
    expect((await signIn("a", viewer.email, PASSWORD)).signedIn).toBe(true);
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT; i += 1) {
      expect((await signIn(i % 2 === 0 ? "a" : "b", viewer.email, "wrong-password")).signedIn).toBe(false);
    }
    for (const instance of ["a", "b"] as const) {
      const refused = await signIn(instance, viewer.email, PASSWORD);
      expect(refused.signedIn).toBe(false);
      expect(refused.error).toMatch(/too many/i);
    }
  });

  it("both sweepers running never end a show twice", async () => {
    // Billed for 30 s, then silent: moved two minutes into the past, every show is stale for both sweeps.
    const startedAt = new Date();
    const shows = await createActiveShows({ count: 60, credits: 1_000, ratePerMinute: 60, startedAt });
    const ids = shows.map((s) => s.id);
    await billShows({ showIds: ids, now: new Date(startedAt.getTime() + 30_000) });
    await prisma.$executeRaw`
      UPDATE private_shows
         SET requested_at = requested_at - interval '2 minutes', started_at = started_at - interval '2 minutes',
             last_heartbeat_at = last_heartbeat_at - interval '2 minutes'
       WHERE id = ANY(${ids}::int[])`;
    const deadline = Date.now() + 30_000;
    while ((await prisma.privateShow.count({ where: { id: { in: ids }, status: "active" } })) > 0) {
      if (Date.now() > deadline) throw new Error("the sweepers did not end every stale show within 30 s");
      await sleep(250);
    }
    const ended = await prisma.privateShow.findMany({ where: { id: { in: ids } } });
    for (const show of ended) {
      expect(show).toMatchObject({ status: "ended", endReason: "timeout", secondsBilled: 30, creditsCharged: 30, endedAt: show.lastHeartbeatAt });
      expect(await showLedgerCharged(show.id)).toBe(30);
    }
    expect(await prisma.tip.count({ where: { showId: { in: ids } } })).toBe(ids.length);
    await expectBalancesMatchLedger(shows.map((s) => s.userId));
    for (const server of servers.values()) expect(server.log.join("")).not.toMatch(/sweeper: will retry/);
  });

  it("killing instance A mid-show loses nothing: B carries the show to its end", async () => {
    const performer = await createPerformer({ ratePerMinute: 60 });
    const payer = await createViewer({ credits: 10_000 });
    const requested = await api("a").request<{ show: { id: number } }>("POST", "/api/chat/v1/shows", { userId: payer.id, performerId: performer.id });
    expect(requested.status).toBe(201);
    const showId = requested.body.show.id;
    expect((await api("a").request("POST", `/api/chat/v1/shows/${showId}/accept`)).status).toBe(200);
    const room = stream(`/api/rooms/${performer.slug}/events`, { instance: "b", cookie: await viewerCookie(payer), keep: ["state"] });
    await room.first("state");
    for (let i = 0; i < 2; i += 1) {
      await sleep(1_000);
      expect((await api().request("POST", `/api/chat/v1/shows/${showId}/heartbeat`)).status).toBe(200);
    }

    // A heartbeat in flight to A when A dies: the chat server retries it with the same key, through nginx.
    await sleep(1_000);
    const key = `two-instances-kill-${showId}`;
    const server = servers.get("a")!;
    const inFlight = api("a").request("POST", `/api/chat/v1/shows/${showId}/heartbeat`, undefined, { idempotencyKey: key }).catch(() => null);
    server.child.kill("SIGKILL");
    await new Promise((resolve) => server.child.once("exit", resolve));
    const statesBeforeEnd = room.events.length;
    const first = await inFlight;
    expect([200, 502, null]).toContain(first?.status ?? null);
    const retried = await api().request("POST", `/api/chat/v1/shows/${showId}/heartbeat`, undefined, { idempotencyKey: key });
    expect(retried.status).toBe(200);

    for (let i = 0; i < 2; i += 1) {
      await sleep(1_000);
      expect((await api().request("POST", `/api/chat/v1/shows/${showId}/heartbeat`)).status).toBe(200);
    }
    const ended = await api().request<{ show: { status: string } }>("POST", `/api/chat/v1/shows/${showId}/end`, { reason: "user_left" });
    expect(ended.status).toBe(200);
    expect(ended.body.show.status).toBe("ended");

    const show = await prisma.privateShow.findUniqueOrThrow({ where: { id: showId } });
    const seconds = Math.round((show.endedAt!.getTime() - show.startedAt!.getTime()) / 1000);
    expect(show.secondsBilled).toBeGreaterThanOrEqual(seconds - 1);
    expect(show.creditsCharged).toBe(Math.ceil((show.secondsBilled * show.ratePerMinute) / 60));
    expect(await showLedgerCharged(showId)).toBe(show.creditsCharged);
    expect(await prisma.tip.count({ where: { showId } })).toBe(1);
    await expectBalancesMatchLedger([payer.id]);
    // The payer's room on B is still open and was sent the ended show's state.
    await waitFor(() => room.events.length > statesBeforeEnd, "the room's state after the end", 10_000);
    expect(room.closed).toBe(false);
  });
});
