import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import wrtc from "@roamhq/wrtc";
import { build } from "esbuild";
import { chromium, type Page } from "@playwright/test";
import { janusInstalled, startJanus, type JanusInstance } from "../lib/janus-process";

// `npm run bench:video`: the performer's camera (headless Chromium, fake device) sent to N
// subscribers, peer to peer and through Janus, in one run. Subscribers are Node WebRTC peers
// (@roamhq/wrtc) that only receive. Measured per step: the performer's upload (Σ outbound-rtp
// bytesSent over all its connections), Janus' CPU, time to first frame, and how many subscribers
// receive video. Writes the "Video" section of docs/benchmarks.md.

const STEPS = (process.env.VIDEO_BENCH_STEPS ?? "1,10,50").split(",").map(Number);
const WINDOW_MS = Number(process.env.VIDEO_BENCH_WINDOW_MS ?? 5_000);
const JANUS_PORT = Number(process.env.VIDEO_BENCH_JANUS_PORT ?? 3350);
const PAGE_PORT = Number(process.env.VIDEO_BENCH_PAGE_PORT ?? 3358);
const DOC = "docs/benchmarks.md";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Every performer connection sends video at most this fast, so the upload compares connection counts, not bitrate ramps. */
const MAX_VIDEO_BPS = Number(process.env.VIDEO_BENCH_MAX_BPS ?? 500_000);

type StepResult = { mode: "p2p" | "janus"; n: number; uploadKbps: number; receiving: number; firstFrameMs: number[]; janusCpuPct: number | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- subscribers (Node) ----

type Subscriber = { pc: RTCPeerConnection; started: number; firstFrameAt: number | null };

function newPeer(): RTCPeerConnection {
  return new wrtc.RTCPeerConnection({ iceServers: [] }) as RTCPeerConnection;
}

async function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return;
  await new Promise<void>((resolve) => {
    const done = () => pc.iceGatheringState === "complete" && resolve();
    pc.addEventListener("icegatheringstatechange", done);
    setTimeout(resolve, 2_000);
  });
}

async function videoBytes(pc: RTCPeerConnection): Promise<number> {
  let bytes = 0;
  (await pc.getStats()).forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
    if (report.type === "inbound-rtp" && report.kind === "video") bytes += report.bytesReceived ?? 0;
  });
  return bytes;
}

function watchFirstFrame(subscriber: Subscriber): void {
  const poll = async () => {
    while (subscriber.firstFrameAt === null && subscriber.pc.connectionState !== "closed") {
      if ((await videoBytes(subscriber.pc).catch(() => 0)) > 0) subscriber.firstFrameAt = Date.now();
      else await sleep(20);
    }
  };
  void poll();
}

// ---- the performer's page ----

async function performerPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--disable-background-networking"],
  });
  const page = await browser.newPage();
  // Cameras need a secure context, and Chromium lets only a page really served from loopback reach
  // Janus on loopback: a one-page server on localhost.
  const server = createServer((_request, response) => response.end("<!doctype html><title>bench</title>"));
  await new Promise<void>((resolve) => server.listen(PAGE_PORT, "127.0.0.1", resolve));
  await page.goto(`http://localhost:${PAGE_PORT}/`);
  const bundle = await build({ entryPoints: ["components/video/janus-video.ts"], bundle: true, format: "iife", globalName: "JanusVideo", write: false, alias: { "@": "." } });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await page.evaluate(async () => {
    const w = window as unknown as { camera: MediaStream; pcs: RTCPeerConnection[] };
    w.camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
    w.pcs = [];
  });
  await page.evaluate((maxBitrate) => {
    (window as unknown as { capVideo: (pc: RTCPeerConnection) => Promise<void> }).capVideo = async (pc) => {
      for (const sender of pc.getSenders()) {
        if (sender.track?.kind !== "video") continue;
        const parameters = sender.getParameters();
        parameters.encodings = (parameters.encodings.length > 0 ? parameters.encodings : [{}]).map((encoding) => ({ ...encoding, maxBitrate }));
        await sender.setParameters(parameters);
      }
    };
  }, MAX_VIDEO_BPS);
  return {
    page,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const uploadBytes = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as { pcs: RTCPeerConnection[]; publisherPc?: () => RTCPeerConnection | null };
    const pcs = [...w.pcs];
    let total = 0;
    for (const pc of pcs) {
      if (pc.signalingState === "closed") continue;
      (await pc.getStats()).forEach((report: { type: string; bytesSent?: number }) => {
        if (report.type === "outbound-rtp") total += report.bytesSent ?? 0;
      });
    }
    return total;
  });

// ---- peer to peer: one connection per subscriber from the page ----

async function p2pSubscriber(page: Page): Promise<Subscriber> {
  const started = Date.now();
  const offer = await page.evaluate(async () => {
    const w = window as unknown as { camera: MediaStream; pcs: RTCPeerConnection[]; capVideo: (pc: RTCPeerConnection) => Promise<void> };
    const capVideo = w.capVideo;
    const pc = new RTCPeerConnection();
    w.pcs.push(pc);
    for (const track of w.camera.getTracks()) pc.addTrack(track, w.camera);
    await pc.setLocalDescription(await pc.createOffer());
    await capVideo(pc);
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      pc.onicegatheringstatechange = () => pc.iceGatheringState === "complete" && resolve();
      setTimeout(resolve, 2_000);
    });
    return { index: w.pcs.length - 1, sdp: pc.localDescription!.sdp };
  });
  const pc = newPeer();
  await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
  await pc.setLocalDescription(await pc.createAnswer());
  await gathered(pc);
  await page.evaluate(({ index, sdp }) => (window as unknown as { pcs: RTCPeerConnection[] }).pcs[index]!.setRemoteDescription({ type: "answer", sdp }), {
    index: offer.index,
    sdp: pc.localDescription!.sdp,
  });
  const subscriber: Subscriber = { pc, started, firstFrameAt: null };
  watchFirstFrame(subscriber);
  return subscriber;
}

// ---- Janus: the page publishes once; subscribers use the HTTP API ----

async function janusPost(url: string, body: Record<string, unknown>): Promise<{ janus: string; data?: { id: number }; plugindata?: { data: Record<string, unknown> } }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...body, transaction: randomBytes(6).toString("hex") }) });
  return (await response.json()) as { janus: string; data?: { id: number }; plugindata?: { data: Record<string, unknown> } };
}

/** One HTTP session for all subscribers: events are long-polled and handed to the handle they name. */
class JanusHttp {
  private readonly waiters = new Map<number, (event: { plugindata?: { data: Record<string, unknown> }; jsep?: RTCSessionDescriptionInit }) => void>();
  private stopped = false;
  private constructor(
    readonly url: string,
    readonly session: number,
  ) {}

  static async open(url: string): Promise<JanusHttp> {
    const created = await janusPost(url, { janus: "create" });
    const client = new JanusHttp(url, created.data!.id);
    void client.poll();
    return client;
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      try {
        const response = await fetch(`${this.url}/${this.session}?maxev=10`);
        const events = (await response.json()) as { janus: string; sender?: number; plugindata?: { data: Record<string, unknown> }; jsep?: RTCSessionDescriptionInit }[] | { janus: string };
        for (const event of Array.isArray(events) ? events : [events]) {
          const sender = (event as { sender?: number }).sender;
          if (event.janus === "event" && sender && this.waiters.has(sender)) {
            const waiter = this.waiters.get(sender)!;
            this.waiters.delete(sender);
            waiter(event as { plugindata?: { data: Record<string, unknown> }; jsep?: RTCSessionDescriptionInit });
          }
        }
      } catch {
        await sleep(100);
      }
    }
  }

  async attach(): Promise<number> {
    return (await janusPost(`${this.url}/${this.session}`, { janus: "attach", plugin: "janus.plugin.videoroom" })).data!.id;
  }

  /** An asynchronous VideoRoom request: resolves with its event. */
  async message(handle: number, body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit) {
    const event = new Promise<{ plugindata?: { data: Record<string, unknown> }; jsep?: RTCSessionDescriptionInit }>((resolve) => this.waiters.set(handle, resolve));
    await janusPost(`${this.url}/${this.session}/${handle}`, { janus: "message", body, ...(jsep ? { jsep } : {}) });
    return event;
  }

  async syncRequest(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const handle = await this.attach();
    return (await janusPost(`${this.url}/${this.session}/${handle}`, { janus: "message", body })).plugindata!.data;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await janusPost(`${this.url}/${this.session}`, { janus: "destroy" }).catch(() => undefined);
  }
}

async function janusSubscriber(http: JanusHttp, room: number, feed: number): Promise<Subscriber> {
  const started = Date.now();
  const handle = await http.attach();
  const offer = await http.message(handle, { request: "join", ptype: "subscriber", room, streams: [{ feed }] });
  const pc = newPeer();
  await pc.setRemoteDescription(offer.jsep!);
  await pc.setLocalDescription(await pc.createAnswer());
  await gathered(pc);
  await http.message(handle, { request: "start" }, { type: "answer", sdp: pc.localDescription!.sdp });
  const subscriber: Subscriber = { pc, started, firstFrameAt: null };
  watchFirstFrame(subscriber);
  return subscriber;
}

// ---- measuring ----

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
}

async function measure(mode: "p2p" | "janus", page: Page, subscribers: Subscriber[], janus: JanusInstance | null): Promise<StepResult> {
  await sleep(3_000); // past the first keyframe and the bandwidth ramp-up
  const before = await Promise.all(subscribers.map((s) => videoBytes(s.pc)));
  const uploadBefore = await uploadBytes(page);
  const cpuBefore = janus?.pid ? cpuTicks(janus.pid) : 0;
  const startedAt = Date.now();
  await sleep(WINDOW_MS);
  const seconds = (Date.now() - startedAt) / 1000;
  const uploadAfter = await uploadBytes(page);
  const cpuAfter = janus?.pid ? cpuTicks(janus.pid) : 0;
  const after = await Promise.all(subscribers.map((s) => videoBytes(s.pc)));
  const ticksPerSecond = 100;
  return {
    mode,
    n: subscribers.length,
    uploadKbps: Math.round(((uploadAfter - uploadBefore) * 8) / 1000 / seconds),
    receiving: after.filter((bytes, i) => bytes > before[i]!).length,
    firstFrameMs: subscribers.filter((s) => s.firstFrameAt !== null).map((s) => s.firstFrameAt! - s.started),
    janusCpuPct: janus ? Math.round(((cpuAfter - cpuBefore) / ticksPerSecond / seconds) * 1000) / 10 : null,
  };
}

function closeAll(subscribers: Subscriber[]): void {
  for (const s of subscribers) s.pc.close();
}

async function runP2p(n: number): Promise<StepResult> {
  const { page, close } = await performerPage();
  const subscribers: Subscriber[] = [];
  try {
    for (let i = 0; i < n; i++) subscribers.push(await p2pSubscriber(page));
    return await measure("p2p", page, subscribers, null);
  } finally {
    closeAll(subscribers);
    await close();
  }
}

async function runJanus(janus: JanusInstance, adminKey: string, n: number): Promise<StepResult> {
  const http = await JanusHttp.open(janus.apiUrl);
  const room = 1 + Math.floor(Math.random() * 1e9);
  await http.syncRequest({ request: "create", admin_key: adminKey, room, publishers: 1, videocodec: "vp8", fir_freq: 3 });
  const { page, close } = await performerPage();
  const subscribers: Subscriber[] = [];
  try {
    const feed = 1 + Math.floor(Math.random() * 1e9);
    await page.evaluate(
      async ({ url, room, feed }) => {
        const w = window as unknown as { camera: MediaStream; pcs: RTCPeerConnection[]; JanusVideo: typeof import("../../components/video/janus-video") };
        const Original = window.RTCPeerConnection;
        // The publisher's connection, for the upload figure.
        window.RTCPeerConnection = class extends Original {
          constructor(config?: RTCConfiguration) {
            super(config);
            w.pcs.push(this);
          }
        };
        await new Promise<void>((resolve, reject) => {
          const publisher = new w.JanusVideo.JanusPublisher({ mode: "janus", url, room, id: feed, token: "", feed, role: "publisher" }, w.camera, [], (state, message) => {
            if (state === "playing") resolve();
            if (state === "ended") reject(new Error(message));
          });
          void publisher.start();
        });
      },
      { url: janus.publicUrl, room, feed },
    );
    await page.evaluate(async () => {
      const w = window as unknown as { pcs: RTCPeerConnection[]; capVideo: (pc: RTCPeerConnection) => Promise<void> };
      for (const pc of w.pcs) await w.capVideo(pc);
    });
    for (let i = 0; i < n; i++) subscribers.push(await janusSubscriber(http, room, feed));
    return await measure("janus", page, subscribers, janus);
  } finally {
    closeAll(subscribers);
    await close();
    await http.syncRequest({ request: "destroy", room }).catch(() => undefined);
    await http.close();
  }
}

// ---- report ----

const median = (values: number[]) => (values.length === 0 ? NaN : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
const max = (values: number[]) => (values.length === 0 ? NaN : Math.max(...values));

function report(results: StepResult[], idleJanusCpu: number): string {
  const rows = results.map((r) => {
    const perSub = r.janusCpuPct === null ? "—" : `${Math.max(0, (r.janusCpuPct - idleJanusCpu) / r.n).toFixed(2)} %`;
    return `| ${r.mode} | ${r.n} | ${r.uploadKbps} | ${r.receiving}/${r.n} | ${median(r.firstFrameMs)} / ${max(r.firstFrameMs)} | ${r.janusCpuPct === null ? "—" : `${r.janusCpuPct} %`} | ${perSub} |`;
  });
  const ratio = (mode: "p2p" | "janus") => {
    const one = results.find((r) => r.mode === mode && r.n === 1);
    const most = results.filter((r) => r.mode === mode).at(-1);
    return one && most && one.uploadKbps > 0 ? `${(most.uploadKbps / one.uploadKbps).toFixed(2)}× at ${most.n}` : "n/a";
  };
  const biggest = results.filter((r) => r.mode === "janus").at(-1);
  const perSubscriber = biggest && biggest.janusCpuPct !== null ? Math.max(0.01, (biggest.janusCpuPct - idleJanusCpu) / biggest.n) : NaN;
  const cores = os.cpus().length;
  return [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `${os.cpus()[0]?.model ?? "CPU"} × ${cores}, Janus 1.1.2 (VideoRoom), Chromium's fake camera at 640×480, video capped at ${MAX_VIDEO_BPS / 1000} kbit/s per performer connection, subscribers are @roamhq/wrtc peers in one Node process. Window ${WINDOW_MS / 1000} s after 3 s of warm-up.`,
    "",
    "| mode | subscribers | performer upload (kbit/s) | receiving video | first frame median / max (ms) | Janus CPU (one core = 100 %) | Janus CPU per subscriber |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Performer upload, largest step vs one subscriber: **peer to peer ${ratio("p2p")}**, **Janus ${ratio("janus")}**.`,
    `Janus idle (no room): ${idleJanusCpu} %. At about ${perSubscriber.toFixed(2)} % of one core per subscriber, Janus alone would forward to about ${Math.floor((cores * 100 * 0.7) / perSubscriber)} subscribers at 70 % of this machine's ${cores} cores; in this run the subscribers' own decoding shares the machine, so the measured step (${biggest?.n ?? 0}) is the proven figure.`,
  ].join("\n");
}

function writeDoc(section: string): void {
  const start = "<!-- bench:video:start -->";
  const end = "<!-- bench:video:end -->";
  const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${section}\n${end}`;
  const next = doc.includes(start)
    ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${doc.trimEnd()}\n\n## Video\n\n\`npm run bench:video\` (scripts/bench/video.ts): the performer's camera to N subscribers, peer to peer and through Janus, in one run.\nThe performer's upload is the sum of \`outbound-rtp\` bytesSent over all its connections; "receiving video" counts subscribers whose video bytes grew during the window; first frame is from a subscriber's request to its first video bytes.\n\n${block}\n`;
  writeFileSync(DOC, next);
}

async function main(): Promise<void> {
  if (!janusInstalled()) throw new Error("bench:video needs Janus: apt-get install janus");
  const adminKey = randomBytes(16).toString("hex");
  const janus = await startJanus({ port: JANUS_PORT, adminSecret: randomBytes(16).toString("hex"), roomAdminKey: adminKey, quiet: true, dataDir: `.data/bench-janus-${JANUS_PORT}` });
  const results: StepResult[] = [];
  let idle = 0;
  try {
    const idleBefore = cpuTicks(janus.pid!);
    await sleep(2_000);
    idle = Math.round(((cpuTicks(janus.pid!) - idleBefore) / 100 / 2) * 1000) / 10;
    for (const n of STEPS) {
      for (const mode of ["p2p", "janus"] as const) {
        const result = mode === "p2p" ? await runP2p(n) : await runJanus(janus, adminKey, n);
        console.log(JSON.stringify({ ...result, firstFrameMs: [median(result.firstFrameMs), max(result.firstFrameMs)] }));
        results.push(result);
      }
    }
  } finally {
    await janus.stop();
  }
  const section = report(results, idle);
  console.log(section);
  writeDoc(section);
  // @roamhq/wrtc can crash while tearing down at exit: leave now that the results are written.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
