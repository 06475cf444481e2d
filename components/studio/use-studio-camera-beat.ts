"use client";

import { useEffect, useRef } from "react";
import { STUDIO_BEAT_MS } from "@/lib/studio/presence";

function report(live: boolean, keepalive = false): Promise<unknown> {
  return fetch("/api/studio/camera", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ live }),
    keepalive,
  }).catch(() => undefined);
}

/**
 * The performer's status follows `live` (the studio's camera is on and sending): a beat now and
 * every STUDIO_BEAT_MS while it is, "not live" as soon as it stops, and when the page goes away
 * (reload, close, navigation) with a keepalive request that outlives the page. If even that is
 * lost, the server's silence sweep takes the performer offline. A studio that opens with its camera
 * off while the performer shows as online (the page before it died without a word) says so at once
 * rather than leave viewers waiting for the sweep.
 */
export function useStudioCameraBeat(live: boolean, openedOnline: boolean): void {
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    if (openedOnline && !live) void report(false);
  }, [live, openedOnline]);

  useEffect(() => {
    if (!live) return;
    let last = report(true);
    const timer = setInterval(() => {
      last = report(true);
    }, STUDIO_BEAT_MS);
    const onHide = () => void report(false, true);
    window.addEventListener("pagehide", onHide);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", onHide);
      // After any beat still on its way, so that "not live" is the last word.
      void last.then(() => report(false));
    };
  }, [live]);
}
