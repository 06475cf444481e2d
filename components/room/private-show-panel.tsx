"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cancelShowAction, endShowAsViewerAction, requestShowAction } from "@/app/performers/[slug]/actions";
import type { BillingUpdate, RoomShow, ShowEndReason, WallStatus } from "@/lib/realtime/room-events";
import { duration } from "@/lib/format";
import { ShowCountdown } from "./show-countdown";
import type { Billing } from "./use-room";

type PrivateShowPanelProps = {
  room: { performerId: number; slug: string; displayName: string; ratePerMinute: number };
  status: WallStatus;
  me: { role: string } | null;
  balance: number;
  /** The viewer's own shows in this room, newest first (from the room's state). */
  shows: RoomShow[];
  billing: Billing | null;
  applyBilling: (update: BillingUpdate) => void;
  onBalance: (credits: number) => void;
  /** Built-in chat: this page sends the heartbeats. html5-chat sends its own. */
  sendsHeartbeats: boolean;
  heartbeatMs: number;
  /** Bumped by the page after a tip: the balance changed, refresh the meter now. */
  beatSignal: number;
};

const END_TEXT: Record<ShowEndReason, string> = {
  user_left: "you ended it",
  performer_left: "the performer ended it",
  disconnected: "the connection was lost",
  credits_exhausted: "your credits ran out",
  timeout: "the connection was lost",
};

/** Why the request button is disabled, or null when it is enabled. */
function requestBlocker(props: PrivateShowPanelProps): string | null {
  const { me, status, balance, room } = props;
  if (!me) return "Log in to request a private show.";
  if (me.role !== "viewer") return "Only viewer accounts can request private shows.";
  if (status === "offline") return `${room.displayName} is offline.`;
  if (status === "busy") return `${room.displayName} is in a private show.`;
  if (balance < room.ratePerMinute) return `You need at least ${room.ratePerMinute} credits (one minute); you have ${balance}.`;
  return null;
}

/**
 * The viewer's private show: request (disabled with the reason when it cannot be asked for), wait
 * (cancel), the running show with its meter and an End button, and how it ended. While the show runs
 * and this page is open, it POSTs a heartbeat every 10 s; closing the page stops them and the
 * server's 45 s timeout ends the show.
 */
export function PrivateShowPanel(props: PrivateShowPanelProps) {
  const { room, shows, billing, applyBilling, onBalance, sendsHeartbeats, heartbeatMs, beatSignal } = props;
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openedAt] = useState(() => Date.now());
  const latest = shows[0];
  const open = latest && (latest.status === "requested" || latest.status === "active") ? latest : undefined;
  const active = open?.status === "active" ? open : undefined;
  // Only a show that closed while this page was open gets a message.
  const closed = latest && !open && latest.endedAt && Date.parse(latest.endedAt) >= openedAt - 5_000 ? latest : undefined;

  const activeId = active?.id;
  const lastBeat = useRef(0);
  const beat = useCallback(async () => {
    if (!activeId || Date.now() - lastBeat.current < 1_500) return;
    lastBeat.current = Date.now();
    try {
      const response = await fetch(`/api/shows/${activeId}/heartbeat`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!response.ok) return;
      const { billing: update } = (await response.json()) as { billing: BillingUpdate };
      applyBilling(update);
      onBalance(update.credits);
    } catch {
      // The next beat retries; the server's timeout rule covers a page that stays offline.
    }
  }, [activeId, applyBilling, onBalance]);

  useEffect(() => {
    if (!activeId || !sendsHeartbeats) return;
    void beat();
    const timer = setInterval(() => void beat(), heartbeatMs);
    return () => clearInterval(timer);
  }, [activeId, sendsHeartbeats, heartbeatMs, beat]);

  useEffect(() => {
    if (beatSignal > 0 && sendsHeartbeats) void beat();
  }, [beatSignal, sendsHeartbeats, beat]);

  // The final bill changed the balance: fetch it (and the header's) from the server.
  const closedId = closed?.id;
  useEffect(() => {
    if (closedId) router.refresh();
  }, [closedId, router]);

  async function run(action: () => Promise<{ ok: boolean; message?: string }>) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.message ?? "That did not work. Try again.");
  }

  const blocker = requestBlocker(props);
  return (
    <section aria-labelledby="private-title" className="space-y-2 rounded-lg border border-slate-800 p-3" data-testid="private-show">
      <h2 id="private-title" className="text-sm font-semibold">Private show · {room.ratePerMinute} credits per minute</h2>
      {active ? (
        <div className="space-y-2" data-testid="private-active" data-show-id={active.id}>
          <p className="text-sm">You are in a private show with {room.displayName}.</p>
          <ShowCountdown billing={billing?.showId === active.id ? billing : null} ratePerMinute={active.ratePerMinute} onZero={sendsHeartbeats ? beat : undefined} />
          <button type="button" disabled={busy} onClick={() => void run(() => endShowAsViewerAction({ showId: active.id }))} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600 disabled:opacity-60">
            End private show
          </button>
        </div>
      ) : open ? (
        <div className="space-y-2" data-testid="private-requested">
          <p role="status" className="text-sm">Waiting for {room.displayName} to accept your request…</p>
          <button type="button" disabled={busy} onClick={() => void run(() => cancelShowAction({ showId: open.id }))} className="rounded border border-slate-600 px-3 py-1.5 text-sm">
            Cancel request
          </button>
        </div>
      ) : (
        <div className="space-y-1">
          <button
            type="button"
            disabled={blocker !== null || busy}
            aria-describedby={blocker ? "private-blocker" : undefined}
            onClick={() => void run(() => requestShowAction({ performerId: room.performerId }))}
            className="rounded bg-pink-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-pink-600 disabled:cursor-not-allowed disabled:bg-slate-700 disabled:text-slate-300"
          >
            Request private show
          </button>
          {blocker && (
            <p id="private-blocker" data-testid="private-blocker" className="text-sm text-slate-300">
              {blocker}{" "}
              {blocker.startsWith("You need") && <Link className="text-pink-300 underline" href="/credits">Buy credits</Link>}
              {blocker.startsWith("Log in") && <Link className="text-pink-300 underline" href={`/login?callbackUrl=/performers/${room.slug}`}>Log in</Link>}
            </p>
          )}
        </div>
      )}
      {closed && (
        <p role="status" data-testid="private-closed" data-status={closed.status} data-reason={closed.endReason ?? ""} className="text-sm text-amber-200">
          {closed.status === "declined" && `${room.displayName} declined your request.`}
          {closed.status === "cancelled" && "You cancelled your request."}
          {closed.status === "ended" &&
            `Private show ended: ${END_TEXT[closed.endReason ?? "user_left"]}. ${duration(closed.secondsBilled)}, ${closed.creditsCharged} credits.`}
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-300">{error}</p>}
    </section>
  );
}
