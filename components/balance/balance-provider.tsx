"use client";

import { createContext, useContext, useState } from "react";
import { useEventSource } from "@/components/realtime/use-event-source";
import type { BalanceEventMap, BalanceUpdate } from "@/lib/realtime/balance-events";

const BalanceContext = createContext<number | null>(null);
const EVENTS = ["balance"] as const;

/**
 * The signed-in user's one balance for the whole page: the server-rendered value until the user's
 * stream (GET /api/events/balance) says otherwise, then the newest version it has sent. Mounted in
 * the root layout, so the header, the room, the credits and the account page show the same number
 * and the stream stays open across client-side navigation.
 */
export function BalanceProvider({ userId, initial, children }: { userId: number | null; initial: number; children: React.ReactNode }) {
  const [latest, setLatest] = useState<BalanceUpdate | null>(null);
  useEventSource<BalanceEventMap>(userId === null ? null : "/api/events/balance", EVENTS, {
    balance: (update) => setLatest((current) => (current && current.version > update.version ? current : update)),
  });
  return <BalanceContext.Provider value={userId === null ? null : (latest?.credits ?? initial)}>{children}</BalanceContext.Provider>;
}

/** The live balance; null when nobody is signed in. */
export function useBalance(): number | null {
  return useContext(BalanceContext);
}

/** The balance as text, for server-rendered pages (the account page). */
export function LiveBalance({ testId }: { testId?: string }) {
  return <span data-testid={testId}>{useBalance() ?? 0}</span>;
}
