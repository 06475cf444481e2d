"use client";

import { useRoomAction } from "./use-room-action";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import { buyTicketAction } from "@/app/performers/[slug]/actions";
import { scheduleTicketAction, ticketShowAction } from "@/app/studio/actions";
import type { RoomTicketShow } from "@/lib/realtime/room-events";

/**
 * Ticket shows in the room (a viewer buys a ticket ahead) and in the studio (the performer schedules
 * one, goes live, ends or cancels it — a cancellation refunds every ticket).
 */
export function TicketPanel({ show, isOwner, isViewer }: {
  show: RoomTicketShow | null; isOwner: boolean; isViewer: boolean;
}) {
  const { busy, error, run } = useRoomAction();

  if (!show && !isOwner) return null;
  const when = show ? `${show.startsAt.slice(0, 16).replace("T", " ")} UTC` : "";
  return (
    <section aria-labelledby="ticket-title" className="@container space-y-2 rounded-lg border border-slate-800 p-3 text-sm" data-testid="ticket-panel">
      <h2 id="ticket-title" className="font-semibold">Ticket show</h2>
      {show ? (
        <p data-testid="ticket-status">
          <strong>{show.title}</strong> · {show.status === "live" ? "live now" : when} · {show.price} credits
          {show.seats !== null && ` · ${show.seats - show.sold} of ${show.seats} seats left`}
          {show.holding && " · you have a ticket"}
        </p>
      ) : (
        <p>No ticket show is scheduled.</p>
      )}
      {isViewer && show && !show.holding && (
        <button
          type="button" disabled={busy} className="rounded bg-pink-700 px-3 py-1" data-testid="ticket-buy"
          onClick={() => void run(() => buyTicketAction({ ticketShowId: show.id }))}
        >
          Buy a ticket — {show.price} credits
        </button>
      )}
      {isOwner && !show && (
        <ActionForm action={scheduleTicketAction} success="Ticket show scheduled." aria-label="Schedule a ticket show" className="grid gap-3 @xl:grid-cols-4">
          <TextField label="Title" name="title" required />
          <TextField label="Starts (UTC)" name="startsAt" type="text" placeholder="2030-01-31T20:00" required />
          <TextField label="Seats (empty: no limit)" name="seats" inputMode="numeric" />
          <div className="self-end"><SubmitButton pendingText="Saving…">Schedule</SubmitButton></div>
        </ActionForm>
      )}
      {isOwner && show && (
        <div className="flex gap-2">
          {show.status === "scheduled" && (
            <>
              <button type="button" disabled={busy} className="rounded bg-pink-700 px-3 py-1" onClick={() => void run(() => ticketShowAction("start", { ticketShowId: show.id }))}>Go live</button>
              <button type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1" onClick={() => void run(() => ticketShowAction("cancel", { ticketShowId: show.id }))}>Cancel and refund</button>
            </>
          )}
          {show.status === "live" && (
            <button type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1" onClick={() => void run(() => ticketShowAction("end", { ticketShowId: show.id }))}>End</button>
          )}
        </div>
      )}
      {error && <p role="alert" className="text-red-300">{error}</p>}
    </section>
  );
}
