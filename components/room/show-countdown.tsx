"use client";

import { useEffect, useState } from "react";
import { clock } from "@/lib/format";
import { creditsOwed } from "@/lib/shows/billing";
import type { Billing } from "./use-room";

/**
 * The private show's meter, for both sides: seconds and credits left, from the last billing step
 * (heartbeat) and counted down locally between steps. At zero the viewer's page sends a heartbeat
 * at once (`onZero`), so the server ends the show (credits_exhausted) without waiting 10 s.
 */
export function ShowCountdown({ billing, ratePerMinute, onZero }: { billing: Billing | null; ratePerMinute: number; onZero?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const active = billing?.status === "active";
  const elapsed = billing ? Math.max(0, Math.floor((now - billing.receivedAt) / 1000)) : 0;
  const remaining = billing && active ? Math.max(0, billing.secondsRemaining - elapsed) : 0;
  // What the next heartbeat will charge: the server's own billing rule, imported, not re-derived.
  const dueSince = billing && active ? Math.max(0, creditsOwed(billing.secondsBilled + elapsed, ratePerMinute) - billing.creditsCharged) : 0;
  const credits = billing ? Math.max(0, billing.credits - dueSince) : null;
  const atZero = active && remaining === 0;
  const stamp = billing?.receivedAt;
  // Just past the last affordable second, and again after each answer while the server still
  // finds it affordable (the boundary second), until the show ends.
  useEffect(() => {
    if (!atZero || !onZero) return;
    const timer = setTimeout(onZero, 1_100);
    return () => clearTimeout(timer);
  }, [atZero, onZero, stamp]);

  if (!billing) return <p className="text-sm text-slate-300" data-testid="show-countdown" data-state="starting">Starting the meter…</p>;
  return (
    <div role="timer" aria-label="Private show time and credits left" data-testid="show-countdown" data-seconds={remaining} className="flex flex-wrap gap-x-6 gap-y-1 text-lg">
      <span>Time left <strong className="tabular-nums">{clock(remaining)}</strong></span>
      <span>Credits left <strong className="tabular-nums" data-testid="countdown-credits">{credits}</strong></span>
    </div>
  );
}
