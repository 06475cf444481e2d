"use client";

import { useRoomAction } from "./use-room-action";
import { spyAction, endShowAsViewerAction } from "@/app/performers/[slug]/actions";
import { setSpiesAllowedAction } from "@/app/studio/actions";
import type { RoomView } from "@/lib/realtime/room-events";

type SpyPanelProps = {
  view: RoomView;
  /** The room's performer, for the Spy button (absent in the studio). */
  performerId?: number;
  displayName: string;
  isOwner: boolean;
  isViewer: boolean;
};

/**
 * Spy mode in the room: a viewer outside the running private show may watch it unseen at the spy
 * rate (a paid session billed per second by the same rule as the show), and stop; the
 * show's viewer and performer see how many spies watch, and the performer may close the show to spies.
 */
export function SpyPanel({ view, performerId, displayName, isOwner, isViewer }: SpyPanelProps) {
  const { busy, error, run } = useRoomAction();
  const session = view.spySessionId;
  const active = view.shows.find((show) => show.status === "active");

  // A viewer's view lists only their own shows, so an active one here means this page is a party to it.
  if (!view.canSpy && !session && !active) return null;
  return (
    <section aria-labelledby="spy-title" className="space-y-2 rounded-lg border border-slate-800 p-3 text-sm" data-testid="spy-panel">
      <h2 id="spy-title" className="font-semibold">Spy mode</h2>
      {session ? (
        <>
          <p data-testid="spying">You are watching {displayName}&apos;s private show unseen at {view.spyRatePerMinute} credits per minute. Spies cannot chat.</p>
          <button type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1" onClick={() => void run(() => endShowAsViewerAction({ showId: session }))}>
            Stop spying
          </button>
        </>
      ) : view.canSpy && isViewer && performerId !== undefined ? (
        <button
          type="button" disabled={busy} className="rounded bg-pink-700 px-3 py-1" data-testid="spy-button"
          onClick={() => void run(() => spyAction({ performerId }))}
        >
          Spy on the private show — {view.spyRatePerMinute} credits per minute
        </button>
      ) : active ? (
        <p data-testid="spy-count">{view.spies} {view.spies === 1 ? "spy is" : "spies are"} watching this private show.</p>
      ) : null}
      {isOwner && active && (
        <div className="flex gap-2">
          <button type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1" onClick={() => void run(() => setSpiesAllowedAction({ showId: active.id, allowed: false }))}>
            Close to spies
          </button>
          <button type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1" onClick={() => void run(() => setSpiesAllowedAction({ showId: active.id, allowed: true }))}>
            Allow spies
          </button>
        </div>
      )}
      {error && <p role="alert" className="text-red-300">{error}</p>}
    </section>
  );
}
