"use client";

import { useEffect, useState } from "react";
import { clock } from "@/lib/format";
import { creditsOwed } from "@/lib/shows/billing";
import type { Billing } from "./use-room";

/**
 * The private show's meter, for both sides: seconds and credits left, from the last billing step
 * and counted down locally between steps. The server ends the show (credits_exhausted) when the
 * credits run out, and the room's state then replaces the meter.
 */
export function ShowCountdown({ billing, ratePerMinute }: { billing: Billing | null; ratePerMinute: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const active = billing?.status === "active";
  const elapsed = billing ? Math.max(0, Math.floor((now - billing.receivedAt) / 1000)) : 0;
  const remaining = billing && active ? Math.max(0, billing.secondsRemaining - elapsed) : 0;
  // What the next billing step will charge: the server's own billing rule, imported, not re-derived.
  const dueSince = billing && active ? Math.max(0, creditsOwed(billing.secondsBilled + elapsed, ratePerMinute) - billing.creditsCharged) : 0;
  const credits = billing ? Math.max(0, billing.credits - dueSince) : null;

  if (!billing) return <p className="text-sm text-slate-300" data-testid="show-countdown" data-state="starting">Starting the meter…</p>;
  return (
    <div role="timer" aria-label="Private show time and credits left" data-testid="show-countdown" data-seconds={remaining} className="flex flex-wrap gap-x-6 gap-y-1 text-lg">
      <span>Time left <strong className="tabular-nums">{clock(remaining)}</strong></span>
      <span>Credits left <strong className="tabular-nums" data-testid="countdown-credits">{credits}</strong></span>
    </div>
  );
}
