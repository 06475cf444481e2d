"use client";

import { useState } from "react";
import { ReconnectingNote } from "@/components/realtime/reconnecting-note";
import { useEventSource } from "@/components/realtime/use-event-source";
import type { WallEventMap, WallStatus } from "@/lib/realtime/room-events";
import { PerformerCard } from "./performer-card";

type Performer = WallEventMap["snapshot"]["performers"][number];

const ORDER: Record<WallStatus, number> = { online: 0, busy: 1, offline: 2 };
const EVENTS = ["snapshot", "status", "goal"] as const;

/** Online first, then busy, then offline; within each, the server's order (by name). */
function sorted(performers: Performer[], order: Map<number, number>): Performer[] {
  return [...performers].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The wall, kept live by GET /api/events/wall: each status change moves and recolours one card
 * without a reload; every (re)connect brings a full snapshot, so nothing missed while offline stays
 * wrong. A status for a performer the page does not know (just added) reconnects for a snapshot.
 */
export function LiveWall({ initial }: { initial: Performer[] }) {
  const [performers, setPerformers] = useState(initial);
  const [order, setOrder] = useState(() => new Map(initial.map((p, i) => [p.id, i])));
  const { state, reopen } = useEventSource<WallEventMap>("/api/events/wall", EVENTS, {
    snapshot: ({ performers: all }) => {
      setOrder(new Map(all.map((p, i) => [p.id, i])));
      setPerformers(all);
    },
    status: ({ performerId, status }) => {
      if (!performers.some((p) => p.id === performerId)) {
        reopen();
        return;
      }
      setPerformers((list) => list.map((p) => (p.id === performerId ? { ...p, status } : p)));
    },
    goal: ({ performerId, goal }) => setPerformers((list) => list.map((p) => (p.id === performerId ? { ...p, goal } : p))),
  });
  const shown = sorted(performers, order);
  return (
    <>
      <ReconnectingNote state={state} />
      {shown.length === 0 ? (
        <p data-testid="wall-empty" className="rounded-lg border border-dashed border-slate-700 p-8 text-center text-slate-300">
          No performers yet. Come back soon.
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Performers">
          {shown.map((performer) => <PerformerCard key={performer.id} performer={performer} />)}
        </ul>
      )}
    </>
  );
}
