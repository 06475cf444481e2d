"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useEventSource } from "@/components/realtime/use-event-source";
import type { BillingUpdate, ChatMessage, RoomEventMap, RoomView, SignalData, SignalEvent, TipNotice } from "@/lib/realtime/room-events";

export type ChatLine = { kind: "chat"; message: ChatMessage } | { kind: "tip"; tip: TipNotice };
export type Billing = BillingUpdate & { receivedAt: number };
type SignalListener = (event: SignalEvent) => void;

const EVENTS = ["welcome", "state", "viewers", "chat", "signal", "billing", "tip", "kicked"] as const;
const MAX_LINES = 200;

/**
 * A room as its page sees it, from GET /api/rooms/[slug]/events: the state (status, the user's
 * requests and shows, whether they are excluded by someone else's private show), the viewer count,
 * chat, billing updates, and the WebRTC signals addressed to this page. `kicked` sends the page
 * back to the wall with a notice. Signals are sent one after the other, so an offer always reaches
 * the other side before its ICE candidates.
 */
export function useRoom({ slug, enabled, onBilling }: { slug: string; enabled: boolean; /** Each billing step's update, as it arrives. */ onBilling?: (update: BillingUpdate) => void }) {
  const router = useRouter();
  const [connId, setConnId] = useState<string | null>(null);
  const [view, setView] = useState<RoomView | null>(null);
  const [viewers, setViewers] = useState(0);
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [billing, setBilling] = useState<Billing | null>(null);
  const signalListeners = useRef(new Set<SignalListener>());
  const connRef = useRef<string | null>(null);
  const sendQueue = useRef<Promise<unknown>>(Promise.resolve());

  const applyBilling = useCallback((update: BillingUpdate) => {
    setBilling((current) =>
      // Two app instances may both bill the show and their updates cross: keep the newest.
      current && current.showId === update.showId && current.secondsBilled > update.secondsBilled ? current : { ...update, receivedAt: Date.now() },
    );
  }, []);

  const { state } = useEventSource<RoomEventMap>(enabled ? `/api/rooms/${encodeURIComponent(slug)}/events` : null, EVENTS, {
    welcome: ({ connId: id }) => {
      connRef.current = id;
      setConnId(id);
    },
    state: setView,
    viewers: ({ count }) => setViewers(count),
    chat: (message) => setLines((all) => [...all, { kind: "chat" as const, message }].slice(-MAX_LINES)),
    tip: (tip) =>
      setLines((all) => (all.some((line) => line.kind === "tip" && line.tip.id === tip.id) ? all : [...all, { kind: "tip" as const, tip }].slice(-MAX_LINES))),
    billing: (update) => {
      applyBilling(update);
      onBilling?.(update);
    },
    signal: (event) => {
      for (const listener of signalListeners.current) listener(event);
    },
    kicked: () => {
      router.push(`/?notice=private_show&performer=${encodeURIComponent(slug)}`);
    },
  });

  const onSignal = useCallback((listener: SignalListener) => {
    signalListeners.current.add(listener);
    return () => {
      signalListeners.current.delete(listener);
    };
  }, []);

  const sendSignal = useCallback(
    (to: string, data: SignalData) => {
      const from = connRef.current;
      if (!from) return Promise.resolve();
      const next = sendQueue.current.then(() =>
        fetch(`/api/rooms/${encodeURIComponent(slug)}/signal`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ from, to, data }),
        }).catch(() => undefined),
      );
      sendQueue.current = next;
      return next.then(() => undefined);
    },
    [slug],
  );

  const sendChat = useCallback(
    async (text: string): Promise<string | null> => {
      try {
        const response = await fetch(`/api/rooms/${encodeURIComponent(slug)}/chat`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text }),
        });
        if (response.ok) return null;
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        return body?.error?.message ?? "The message was not sent. Try again.";
      } catch {
        return "The site could not be reached. Check your connection.";
      }
    },
    [slug],
  );

  return { slug, stream: state, connId, view, viewers, lines, billing, onSignal, sendSignal, sendChat };
}

export type RoomConnection = ReturnType<typeof useRoom>;
