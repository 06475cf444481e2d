"use client";

import { useEffect, useRef, useState } from "react";

export type StreamState = "connecting" | "open" | "reconnecting";

type Handlers<M> = { [K in keyof M]?: (data: M[K]) => void };

/**
 * An EventSource that stays connected: the browser reconnects by itself after a network drop (the
 * server's `retry:` is 2 s); if the stream is refused or the server is down the browser gives up,
 * so this retries with backoff up to 30 s. `state` drives the "reconnecting…" indicator. Handlers
 * may change on every render; the connection does not. `reopen()` reconnects at once (a fresh
 * snapshot).
 */
export function useEventSource<M extends object>(url: string | null, events: readonly (keyof M & string)[], handlers: Handlers<M>) {
  const [state, setState] = useState<StreamState>("connecting");
  const [generation, setGeneration] = useState(0);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  const eventsKey = events.join(",");

  useEffect(() => {
    if (!url) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const open = () => {
      source = new EventSource(url);
      source.onopen = () => {
        failures = 0;
        setState("open");
      };
      source.onerror = () => {
        if (stopped || !source) return;
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          failures += 1;
          retry = setTimeout(open, Math.min(30_000, 1_000 * 2 ** failures));
        }
        setState("reconnecting");
      };
      for (const name of eventsKey.split(",")) {
        source.addEventListener(name, (event) => {
          const handler = handlersRef.current[name as keyof M];
          if (handler) handler(JSON.parse((event as MessageEvent<string>).data) as M[keyof M]);
        });
      }
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [url, eventsKey, generation]);

  return { state, reopen: () => setGeneration((g) => g + 1) };
}
