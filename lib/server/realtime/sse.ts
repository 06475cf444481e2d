import "server-only";

export type SseConnection = {
  /** Sends one named event; a no-op once the stream is closed. */
  send: (event: string, data: unknown) => void;
  close: () => void;
  readonly closed: boolean;
};

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const SSE_KEEPALIVE_MS = 15_000;
/** How long EventSource waits before reconnecting after the stream drops. */
export const SSE_RETRY_MS = 2_000;

/**
 * A `text/event-stream` response. `start` subscribes to whatever feeds the stream and returns the
 * cleanup, which runs exactly once: when the client goes away (abort or cancel), when the stream is
 * closed on purpose, or at once if the client left while `start` was still running.
 */
export function sseResponse(request: Request, start: (sse: SseConnection) => Promise<(() => void) | void>): Response {
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup: (() => void) | undefined;
  let keepAlive: NodeJS.Timeout | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    request.signal.removeEventListener("abort", finish);
    try {
      cleanup?.();
    } catch (error) {
      console.error("sse: cleanup failed", error);
    }
    try {
      controllerRef?.close();
    } catch {
      // Already closed by the runtime.
    }
  };
  const write = (text: string) => {
    if (closed || !controllerRef) return;
    try {
      controllerRef.enqueue(encoder.encode(text));
    } catch {
      finish();
    }
  };
  const connection: SseConnection = {
    // JSON.stringify escapes line breaks, so the data is always one `data:` line.
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close: finish,
    get closed() {
      return closed;
    },
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      if (request.signal.aborted) return finish();
      request.signal.addEventListener("abort", finish);
      write(`retry: ${SSE_RETRY_MS}\n: connected\n\n`);
      keepAlive = setInterval(() => write(": keep-alive\n\n"), SSE_KEEPALIVE_MS);
      try {
        const stop = await start(connection);
        if (closed) stop?.();
        else cleanup = stop ?? undefined;
      } catch (error) {
        console.error("sse: stream set-up failed", error);
        finish();
      }
    },
    cancel() {
      finish();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: the compression middleware of `next start` must not buffer the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
