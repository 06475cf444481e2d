import type { StreamState } from "./use-event-source";

/** The small "reconnecting…" indicator of a live stream; announced politely to screen readers. */
export function ReconnectingNote({ state }: { state: StreamState }) {
  return (
    <p role="status" aria-live="polite" data-testid="stream-state" data-state={state} className="min-h-5 text-xs text-amber-300">
      {state === "reconnecting" ? "Reconnecting…" : ""}
    </p>
  );
}
