"use client";

import { useState } from "react";

type ActionOutcome = { ok: boolean; message?: string };

/**
 * A room panel's button actions (join, leave, spy, buy a ticket, start, end): one at a time, the
 * buttons disabled while it runs, and the server's refusal shown until the next try.
 */
export function useRoomAction(): { busy: boolean; error: string | null; run: (act: () => Promise<ActionOutcome>) => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(act: () => Promise<ActionOutcome>) {
    setBusy(true);
    setError(null);
    const result = await act();
    setBusy(false);
    if (!result.ok) setError(result.message ?? "That did not work.");
  }
  return { busy, error, run };
}
