"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { acceptShowAction, declineShowAction, endShowAsPerformerAction } from "@/app/studio/actions";
import { duration, utcMinute } from "@/lib/format";
import type { RoomShow, ShowEndReason } from "@/lib/realtime/room-events";
import { ShowCountdown } from "./show-countdown";
import type { Billing } from "./use-room";

const END_TEXT: Record<ShowEndReason, string> = {
  user_left: "the viewer ended it",
  performer_left: "you ended it",
  disconnected: "the connection was lost",
  credits_exhausted: "the viewer's credits ran out",
  timeout: "the viewer's page stopped answering",
  show_ended: "the private show ended",
};

/**
 * The performer's side of private shows, in the studio and in their own room: pending requests with
 * Accept / Decline, the running show with the viewer's meter and End, and how the last one ended.
 */
export function PerformerShowPanel({ shows, billing }: { shows: RoomShow[]; billing: Billing | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [openedAt] = useState(() => Date.now());
  const requests = shows.filter((show) => show.status === "requested").reverse();
  const active = shows.find((show) => show.status === "active");
  const lastEnded = shows.find((show) => show.status === "ended" && show.endedAt && Date.parse(show.endedAt) >= openedAt - 5_000);

  // A finished show changes the earnings shown by the (server-rendered) studio.
  const endedId = lastEnded?.id;
  useEffect(() => {
    if (endedId) router.refresh();
  }, [endedId, router]);

  async function run(showId: number, action: (input: { showId: number }) => Promise<{ ok: boolean; message?: string }>) {
    setBusyId(showId);
    setError(null);
    const result = await action({ showId });
    setBusyId(null);
    if (!result.ok) setError(result.message ?? "That did not work. Try again.");
  }

  return (
    <section aria-labelledby="shows-title" className="space-y-3 rounded-lg border border-slate-800 p-3" data-testid="performer-shows">
      <h2 id="shows-title" className="text-lg font-semibold">Private shows</h2>
      {active && (
        <div className="space-y-2 rounded border border-amber-600 p-3" data-testid="performer-active" data-show-id={active.id}>
          <p>In a private show with <strong>{active.username}</strong> ({active.ratePerMinute} credits/min).</p>
          <ShowCountdown billing={billing?.showId === active.id ? billing : null} ratePerMinute={active.ratePerMinute} />
          <button type="button" disabled={busyId === active.id} onClick={() => void run(active.id, endShowAsPerformerAction)} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600 disabled:opacity-60">
            End private show
          </button>
        </div>
      )}
      <div>
        <h3 className="text-sm font-semibold text-slate-300">Requests</h3>
        {requests.length === 0 ? (
          <p className="text-sm text-slate-300" data-testid="no-requests">No requests right now.</p>
        ) : (
          <ul className="space-y-2">
            {requests.map((show) => (
              <li key={show.id} data-testid="show-request" data-show-id={show.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="flex-1"><strong>{show.username}</strong> asks for a private show · {utcMinute(show.requestedAt)} UTC</span>
                <button type="button" disabled={busyId !== null || active !== undefined} onClick={() => void run(show.id, acceptShowAction)} className="rounded bg-green-700 px-3 py-1 font-medium text-white hover:bg-green-600 disabled:opacity-60" aria-label={`Accept ${show.username}'s request`}>
                  Accept
                </button>
                <button type="button" disabled={busyId !== null} onClick={() => void run(show.id, declineShowAction)} className="rounded border border-slate-600 px-3 py-1" aria-label={`Decline ${show.username}'s request`}>
                  Decline
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {lastEnded && !active && (
        <p role="status" data-testid="performer-ended" data-reason={lastEnded.endReason ?? ""} className="text-sm text-amber-200">
          Private show with {lastEnded.username} ended: {END_TEXT[lastEnded.endReason ?? "user_left"]}. {duration(lastEnded.secondsBilled)}, {lastEnded.creditsCharged} credits.
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-300">{error}</p>}
    </section>
  );
}
