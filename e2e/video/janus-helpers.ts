import { readFileSync } from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { logIn } from "../helpers";

// Helpers for the Janus-mode specs: pages that can be told to ignore the site (so only the media
// server can stop their video), their received video frames, and raw Janus requests from a page.

export const JANUS_PORTS = (process.env.E2E_JANUS_PORTS ?? "").split(",").map(Number);

/**
 * Every page records its RTCPeerConnections; `window.__deaf = true` makes it ignore the site and the
 * media server: room events are dropped, and it neither closes a connection nor sends anything to Janus.
 */
const DEAF_PAGE = () => {
  const w = window as unknown as { __pcs: RTCPeerConnection[]; __deaf: boolean };
  w.__pcs = [];
  w.__deaf = false;
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
    close() {
      if (!w.__deaf) super.close();
    }
  };
  const wsSend = WebSocket.prototype.send;
  const wsClose = WebSocket.prototype.close;
  WebSocket.prototype.send = function (this: WebSocket & { __test?: boolean }, data) {
    if (!w.__deaf || this.__test) wsSend.call(this, data);
  };
  WebSocket.prototype.close = function (this: WebSocket & { __test?: boolean }, ...args) {
    if (!w.__deaf || this.__test) wsClose.apply(this, args);
  };
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (this: EventSource, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    const wrapped = (event: Event) => {
      if (w.__deaf) return;
      if (typeof listener === "function") listener.call(this, event);
      else listener.handleEvent(event);
    };
    add.call(this, type, wrapped, options);
  } as typeof EventSource.prototype.addEventListener;
};

export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(DEAF_PAGE);
  await logIn(page, email);
  return page;
}

export const setDeaf = (page: Page, deaf: boolean) => page.evaluate((value) => ((window as unknown as { __deaf: boolean }).__deaf = value), deaf);

export const videoWidth = (page: Page, testId: string) => page.getByTestId(testId).evaluate((video: HTMLVideoElement) => video.videoWidth);

/** Video frames decoded so far over all of the page's connections. */
export function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.signalingState === "closed") continue;
      (await pc.getStats()).forEach((report: { type: string; kind?: string; framesDecoded?: number }) => {
        if (report.type === "inbound-rtp" && report.kind === "video") total += report.framesDecoded ?? 0;
      });
    }
    return total;
  });
}

/** Waits until the page receives video frames (and keeps receiving them). */
export async function expectFrames(page: Page): Promise<void> {
  const before = await framesDecoded(page);
  await expect.poll(() => framesDecoded(page), { timeout: 10_000 }).toBeGreaterThan(before + 5);
}

/** The frames a page decodes between `from` and `to` ms after `start` (run pages side by side: the times are absolute). */
export async function framesBetween(page: Page, start: number, from: number, to: number): Promise<number> {
  await page.waitForTimeout(Math.max(0, start + from - Date.now()));
  const a = await framesDecoded(page);
  await page.waitForTimeout(Math.max(0, start + to - Date.now()));
  return (await framesDecoded(page)) - a;
}

export type Grant = { mode: string; url: string; room: number; id: number; token: string; feed: number };

/** POST /api/rooms/[slug]/video from the page: the status and body. */
export function requestGrant(page: Page, slug: string): Promise<{ status: number; body: Grant & { error?: { code: string } } }> {
  return page.evaluate(async (s) => {
    const response = await fetch(`/api/rooms/${encodeURIComponent(s)}/video`, { method: "POST" });
    return { status: response.status, body: await response.json() };
  }, slug);
}

/** Sends VideoRoom requests to Janus straight from the page (a page that does not take no for an answer). */
export function janusFromPage(page: Page, url: string, bodies: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    async ({ url, bodies }) => {
      const ws = new WebSocket(url, "janus-protocol") as WebSocket & { __test?: boolean };
      ws.__test = true;
      await new Promise((resolve) => (ws.onopen = resolve));
      let n = 0;
      const call = (message: Record<string, unknown>) =>
        new Promise<{ data?: { id: number }; plugindata?: { data: Record<string, unknown> } }>((resolve) => {
          const transaction = `test${++n}`;
          const listener = (event: MessageEvent) => {
            const reply = JSON.parse(String(event.data));
            if (reply.transaction !== transaction || reply.janus === "ack") return;
            ws.removeEventListener("message", listener);
            resolve(reply);
          };
          ws.addEventListener("message", listener);
          ws.send(JSON.stringify({ ...message, transaction }));
        });
      const session = (await call({ janus: "create" })).data!.id;
      const handle = (await call({ janus: "attach", plugin: "janus.plugin.videoroom", session_id: session })).data!.id;
      const replies: Record<string, unknown>[] = [];
      for (const body of bodies) replies.push((await call({ janus: "message", session_id: session, handle_id: handle, body })).plugindata?.data ?? {});
      ws.close();
      return replies;
    },
    { url, bodies },
  );
}

const dbUrl = () => `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT}/ppv`;

/** Which Janus (its API URL) holds each performer's room. */
export async function roomServers(performerIds: number[]): Promise<Map<number, string>> {
  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ performer_id: number; server: string }>("SELECT performer_id, server FROM video_rooms WHERE performer_id = ANY($1)", [performerIds]);
    return new Map(rows.map((row) => [row.performer_id, row.server]));
  } finally {
    await client.end();
  }
}

/** Stops one of the test Janus servers (scripts/janus.ts wrote its pid). */
export function killJanus(port: number): void {
  const pid = Number(readFileSync(`.data/janus-${port}/janus.pid`, "utf8"));
  process.kill(pid, "SIGKILL");
}
