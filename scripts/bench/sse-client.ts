import http from "node:http";

// A bare Server-Sent Events client for thousands of streams from one process: node:http, no
// reconnect, and only the events a caller asks for are handed over (a wall's 1,000-performer
// snapshot is counted, not parsed). The two-instance test uses it too.

export type SseEvent = { event: string; data: string };

export type SseStream = {
  /** Resolves with the first event named `event` (at once if it already came). */
  first: (event: string, timeoutMs?: number) => Promise<SseEvent>;
  /** Every event received so far, in order (only those named in `keep`). */
  readonly events: SseEvent[];
  readonly closed: boolean;
  close: () => void;
};

// One agent without a socket cap: each stream holds its connection for as long as it is open.
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export function openSse(options: {
  url: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** Event names to keep in `events` and to pass to `onEvent`; others are only counted. */
  keep: readonly string[];
  onEvent?: (event: SseEvent, at: number) => void;
}): SseStream {
  const events: SseEvent[] = [];
  const waiters: { event: string; resolve: (e: SseEvent) => void }[] = [];
  let closed = false;
  let buffer = "";
  const keep = new Set(options.keep);

  const deliver = (block: string) => {
    let event = "message";
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data = data ? `${data}\n${line.slice(6)}` : line.slice(6);
    }
    if (!keep.has(event)) return;
    const received = { event, data };
    events.push(received);
    options.onEvent?.(received, performance.now());
    for (let i = waiters.length - 1; i >= 0; i -= 1) {
      if (waiters[i]!.event === event) waiters.splice(i, 1)[0]!.resolve(received);
    }
  };

  const request = http.get(options.url, { agent, headers: { accept: "text/event-stream", ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) } }, (response) => {
    if (response.statusCode !== 200) {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => fail(new Error(`SSE ${options.url}: HTTP ${response.statusCode} ${body.slice(0, 200)}`)));
      return;
    }
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        deliver(block);
      }
    });
    response.on("end", () => fail(new Error(`SSE ${options.url}: stream ended`)));
  });
  const rejecters = new Set<(error: Error) => void>();
  const fail = (error: Error) => {
    closed = true;
    for (const reject of rejecters) reject(error);
    rejecters.clear();
  };
  request.on("error", (error) => fail(error));

  return {
    events,
    get closed() {
      return closed;
    },
    first(event, timeoutMs = 30_000) {
      const already = events.find((e) => e.event === event);
      if (already) return Promise.resolve(already);
      if (closed) return Promise.reject(new Error(`SSE ${options.url}: closed before "${event}"`));
      return new Promise<SseEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          rejecters.delete(onFail);
          reject(new Error(`SSE ${options.url}: no "${event}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const onFail = (error: Error) => {
          clearTimeout(timer);
          reject(error);
        };
        rejecters.add(onFail);
        waiters.push({
          event,
          resolve: (received) => {
            clearTimeout(timer);
            rejecters.delete(onFail);
            resolve(received);
          },
        });
      });
    },
    close() {
      closed = true;
      request.destroy();
    },
  };
}
