"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { tipAction } from "@/app/performers/[slug]/actions";
import { randomKey } from "@/lib/random-key";
import { TIP_PRESETS } from "@/lib/validations/room";

type TipPanelProps = {
  performerId: number;
  displayName: string;
  /** The live balance: a preset above it is disabled. */
  balance: number;
  /** Why nobody can tip right now (the performer is offline), or null. */
  unavailable: string | null;

};

type Pending = { credits: number; key: string };

/**
 * Tips: a preset or another amount, then a confirmation step. Presets the balance cannot pay are
 * disabled, and all of them while the performer is offline. The key is made when the confirmation
 * opens, so every submit of that one confirmation (double click, retry after a network error) is
 * the same tip to sendTip, which charges it once.
 */
export function TipPanel({ performerId, displayName, balance, unavailable }: TipPanelProps) {
  const [custom, setCustom] = useState("");
  const [otherOpen, setOtherOpen] = useState(false);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const inFlight = useRef(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The confirmation takes the focus (Enter confirms): the preset that opened it is gone from the page.
  const confirmKey = confirming?.key;
  useEffect(() => {
    if (confirmKey) confirmRef.current?.focus();
  }, [confirmKey]);
  const blocker = unavailable ?? (balance < 1 ? "You have no credits to tip with." : null);

  function ask(credits: number) {
    setNotice(null);
    if (!Number.isInteger(credits) || credits < 1) {
      setNotice({ tone: "error", text: "Enter a whole number of credits, 1 or more." });
      return;
    }
    if (credits > balance) {
      setNotice({ tone: "error", text: `That is more than your ${balance} credits.` });
      return;
    }
    setConfirming({ credits, key: randomKey() });
  }

  async function confirm(pending: Pending) {
    // The ref stops a second click before React re-renders the disabled button.
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    const result = await tipAction({ performerId, credits: pending.credits, key: pending.key });
    inFlight.current = false;
    setSending(false);
    setConfirming(null);
    if (result.ok) {
      setCustom("");
      setOtherOpen(false);
      setNotice({ tone: "ok", text: `Thank you! You tipped ${displayName} ${pending.credits} credits.` });
    } else {
      setNotice({ tone: "error", text: result.message });
    }
  }

  return (
    <section aria-labelledby="tip-title" className="min-w-0 space-y-2" data-testid="tip-panel">
      <h2 id="tip-title" className="sr-only">Send a tip</h2>
      {confirming ? (
        <div role="group" aria-labelledby="tip-confirm-text" className="flex flex-wrap items-center gap-2">
          <p id="tip-confirm-text" className="text-sm">
            Send <strong>{confirming.credits} credits</strong> to {displayName}?
          </p>
          <button
            ref={confirmRef}
            type="button"
            disabled={sending}
            onClick={() => void confirm(confirming)}
            className="rounded bg-pink-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-pink-600 disabled:opacity-60"
          >
            {sending ? "Sending…" : "Confirm tip"}
          </button>
          <button type="button" disabled={sending} onClick={() => setConfirming(null)} className="rounded border border-slate-600 px-3 py-1.5 text-sm">
            Cancel
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {TIP_PRESETS.map((credits) => (
            <button
              key={credits}
              type="button"
              disabled={blocker !== null || credits > balance}
              aria-describedby={blocker ? "tip-blocker" : undefined}
              onClick={() => ask(credits)}
              className="rounded border border-pink-500 px-3 py-1.5 text-sm hover:bg-pink-950 disabled:cursor-not-allowed disabled:border-slate-700 disabled:text-slate-400 disabled:hover:bg-transparent"
            >
              Tip {credits}
            </button>
          ))}
          <button
            type="button"
            disabled={blocker !== null}
            aria-describedby={blocker ? "tip-blocker" : undefined}
            aria-expanded={otherOpen}
            aria-controls="tip-other"
            onClick={() => setOtherOpen((open) => !open)}
            className="rounded border border-slate-600 px-3 py-1.5 text-sm disabled:cursor-not-allowed disabled:text-slate-400"
          >
            Other amount
          </button>
        </div>
      )}
      {otherOpen && !confirming && blocker === null && (
        <form
          id="tip-other"
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            ask(Number(custom));
          }}
        >
          <div className="space-y-1">
            <label htmlFor="tip-custom" className="block text-xs text-slate-300">Other amount (credits)</label>
            <input
              id="tip-custom"
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              step={1}
              value={custom}
              onChange={(event) => setCustom(event.target.value)}
              className="w-32 rounded border border-slate-600 bg-slate-950 px-2 py-1.5 text-sm"
            />
          </div>
          <button type="submit" disabled={custom === ""} className="rounded border border-pink-500 px-3 py-1.5 text-sm disabled:opacity-60">Tip this amount</button>
        </form>
      )}
      {blocker && !confirming && (
        <p id="tip-blocker" className="text-xs text-slate-300" data-testid="tip-blocker">
          {blocker}
          {unavailable === null && (
            <>
              {" "}
              <Link className="text-pink-300 underline" href="/credits">Buy credits</Link>
            </>
          )}
        </p>
      )}
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} data-testid="tip-notice" className={notice.tone === "error" ? "text-sm text-red-300" : "text-sm text-green-300"}>
          {notice.text}
          {notice.tone === "error" && (
            <>
              {" "}
              <Link className="underline" href="/credits">Buy credits</Link>
            </>
          )}
        </p>
      )}
    </section>
  );
}
