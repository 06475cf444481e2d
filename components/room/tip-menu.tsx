"use client";

import { useRef, useState } from "react";
import { menuTipAction } from "@/app/performers/[slug]/actions";
import { randomKey } from "@/lib/random-key";
import type { TipMenuEntry } from "@/lib/realtime/room-events";

type Pending = { item: TipMenuEntry; key: string };

/**
 * The performer's tip menu in the room: pick an item, confirm its price, tip. The key is made when
 * the confirmation opens, so a double submit is one tip; the room then reads "X tipped for Dance".
 */
export function TipMenu({ performerId, displayName, items, balance }: {
  performerId: number; displayName: string; items: TipMenuEntry[]; balance: number;
}) {
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const inFlight = useRef(false);
  if (items.length === 0) return null;

  async function confirm({ item, key }: Pending) {
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    const result = await menuTipAction({ performerId, menuItemId: item.id, credits: item.credits, key });
    inFlight.current = false;
    setSending(false);
    setConfirming(null);
    if (result.ok) {
      setNotice({ tone: "ok", text: `You tipped ${displayName} ${item.credits} credits for ${item.label}.` });
    } else {
      setNotice({ tone: "error", text: result.message });
    }
  }

  return (
    <section aria-labelledby="tip-menu-title" className="space-y-2 rounded-lg border border-slate-800 p-3" data-testid="tip-menu">
      <h2 id="tip-menu-title" className="text-sm font-semibold">Tip menu</h2>
      {confirming ? (
        <div role="group" aria-labelledby="tip-menu-confirm" className="space-y-2">
          <p id="tip-menu-confirm" className="text-sm">
            Tip <strong>{confirming.item.credits} credits</strong> for <strong>{confirming.item.label}</strong>? Your balance is {balance}.
          </p>
          <div className="flex gap-2">
            <button type="button" autoFocus disabled={sending} onClick={() => void confirm(confirming)} className="rounded bg-pink-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
              {sending ? "Sending…" : "Confirm"}
            </button>
            <button type="button" disabled={sending} onClick={() => setConfirming(null)} className="rounded border border-slate-600 px-3 py-1.5 text-sm">Cancel</button>
          </div>
        </div>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button" className="rounded border border-pink-500 px-3 py-1.5 text-sm hover:bg-pink-950"
                onClick={() => { setNotice(null); setConfirming({ item, key: randomKey() }); }}
              >
                {item.label} — {item.credits}
              </button>
            </li>
          ))}
        </ul>
      )}
      {notice && <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "text-sm text-red-300" : "text-sm text-green-300"}>{notice.text}</p>}
    </section>
  );
}
