"use client";

import { useState } from "react";
import { ReconnectingNote } from "@/components/realtime/reconnecting-note";
import { useEventSource } from "@/components/realtime/use-event-source";
import type { WallEventMap, WallStatus } from "@/lib/realtime/room-events";
import type { WallCard } from "@/lib/server/performers/list-wall";
import { PerformerCard } from "./performer-card";

const ORDER: Record<WallStatus, number> = { online: 0, busy: 1, offline: 2 };
const EVENTS = ["snapshot", "status", "viewers", "goal"] as const;

/**
 * One page of the wall, kept live by GET /api/events/wall: each status change recolours its card (and,
 * sorted "online first", moves it) and room sizes update without a reload; every (re)connect brings a
 * snapshot of all statuses, so nothing missed while offline stays wrong. Which performers the page
 * shows is the server's answer to the filters: a performer outside them appears on the next load.
 */
export function LiveWall({ initial, onlineFirst, empty }: { initial: WallCard[]; onlineFirst: boolean; empty: React.ReactNode }) {
  const [performers, setPerformers] = useState(initial);
  const { state } = useEventSource<WallEventMap>("/api/events/wall", EVENTS, {
    snapshot: ({ performers: all }) => {
      const status = new Map(all.map((p) => [p.id, p.status]));
      setPerformers((list) => list.map((p) => ({ ...p, status: status.get(p.id) ?? p.status })));
    },
    status: ({ performerId, status }) => {
      setPerformers((list) => list.map((p) => (p.id === performerId ? { ...p, status, viewers: status === "offline" ? 0 : p.viewers } : p)));
    },
    viewers: ({ performerId, count }) => {
      setPerformers((list) => list.map((p) => (p.id === performerId ? { ...p, viewers: count } : p)));
    },
    goal: ({ performerId, goal }) => setPerformers((list) => list.map((p) => (p.id === performerId ? { ...p, goal } : p))),
  });
  const shown = onlineFirst ? [...performers].sort((a, b) => ORDER[a.status] - ORDER[b.status]) : performers;
  return (
    <>
      <ReconnectingNote state={state} />
      {shown.length === 0 ? (
        <div data-testid="wall-empty" className="rounded-lg border border-dashed border-slate-700 p-8 text-center text-slate-300">{empty}</div>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Performers">
          {shown.map((performer) => <PerformerCard key={performer.id} performer={performer} />)}
        </ul>
      )}
    </>
  );
}
