"use client";

import { useRoomAction } from "./use-room-action";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import { cancelShowAction, endShowAsViewerAction, joinGroupAction } from "@/app/performers/[slug]/actions";
import { endGroupAction, openGroupAction, startGroupAction } from "@/app/studio/actions";
import type { RoomGroupShow } from "@/lib/realtime/room-events";

type GroupPanelProps = {
  group: RoomGroupShow | null;
  isOwner: boolean;
  isViewer: boolean;
};

/**
 * Group shows in the room (viewers join and leave; the site bills each seat while it runs, from the
 * viewer's presence or the chat server's heartbeats, as for a private show) and
 * in the studio (the performer opens one, starts it once enough viewers can pay, ends it).
 */
export function GroupPanel({ group, isOwner, isViewer }: GroupPanelProps) {
  const { busy, error, run } = useRoomAction();
  const seat = group?.mySeat ?? null;

  if (!group && !isOwner) return null;
  return (
    <section aria-labelledby="group-title" className="@container space-y-2 rounded-lg border border-slate-800 p-3 text-sm" data-testid="group-panel">
      <h2 id="group-title" className="font-semibold">Group show</h2>
      {group ? (
        <p data-testid="group-status">
          {group.status === "waiting"
            ? `Starting when ${group.minViewers} viewers have joined (${group.joined} so far), by ${new Date(group.startBy).toLocaleTimeString()}. ${group.ratePerMinute} credits per minute from the start; nobody pays if it does not start.`
            : `Running at ${group.ratePerMinute} credits per minute with ${group.joined} viewers.`}
        </p>
      ) : (
        <p>No group show is open.</p>
      )}
      {isViewer && group && (
        seat ? (
          <button
            type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1"
            onClick={() => void run(() => (seat.status === "requested" ? cancelShowAction({ showId: seat.id }) : endShowAsViewerAction({ showId: seat.id })))}
          >
            Leave the group show
          </button>
        ) : group.status === "waiting" ? (
          <button type="button" disabled={busy} className="rounded bg-pink-700 px-3 py-1" data-testid="group-join" onClick={() => void run(() => joinGroupAction({ groupShowId: group.id }))}>
            Join — {group.ratePerMinute} credits per minute
          </button>
        ) : null
      )}
      {isOwner && !group && (
        <ActionForm action={openGroupAction} success="Group show open." aria-label="Open a group show" className="grid gap-3 @lg:grid-cols-3">
          <TextField label="Minimum viewers" name="minViewers" inputMode="numeric" required defaultValue={2} />
          <TextField label="Wait (minutes)" name="waitMinutes" inputMode="numeric" required defaultValue={10} />
          <div className="self-end"><SubmitButton pendingText="Opening…">Open group show</SubmitButton></div>
        </ActionForm>
      )}
      {isOwner && group && (
        <div className="flex gap-2">
          {group.status === "waiting" && (
            <button type="button" disabled={busy} className="rounded bg-pink-700 px-3 py-1" onClick={() => void run(() => startGroupAction())}>Start</button>
          )}
          <button type="button" disabled={busy} className="rounded bg-slate-700 px-3 py-1" onClick={() => void run(() => endGroupAction())}>
            {group.status === "waiting" ? "Cancel" : "End"}
          </button>
        </div>
      )}
      {error && <p role="alert" className="text-red-300">{error}</p>}
    </section>
  );
}
