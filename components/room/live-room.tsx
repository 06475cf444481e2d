"use client";

import Link from "next/link";
import { useBalance } from "@/components/balance/balance-provider";
import { ReconnectingNote } from "@/components/realtime/reconnecting-note";
import { StatusBadge } from "@/components/wall/status-badge";
import type { WallStatus } from "@/lib/realtime/room-events";
import { ChatPanel } from "./chat-panel";
import { PerformerShowPanel } from "./performer-show-panel";
import { PrivateShowPanel } from "./private-show-panel";
import { GoalBar } from "./goal-bar";
import { GroupPanel } from "./group-panel";
import { SpyPanel } from "./spy-panel";
import { TicketPanel } from "./ticket-panel";
import { TipMenu } from "./tip-menu";
import { TipPanel } from "./tip-panel";
import { useRoom } from "./use-room";
import { ViewerVideo } from "./viewer-video";
import { spendRefusal } from "@/lib/users/spend-guard";

export type LiveRoomProps = {
  room: { performerId: number; slug: string; displayName: string; ratePerMinute: number; status: WallStatus };
  me: { id: number; username: string; role: "viewer" | "performer" | "admin"; flagged: boolean } | null;
  isOwner: boolean;
  provider: "builtin" | "html5chat";
  iceServers: RTCIceServer[];
  /** html5-chat: the server-built embed (or its failure message) for the chat box. */
  chatSlot?: React.ReactNode;
};

/**
 * A performer's room, live, laid out for a phone first: the video at the top, full width, the chat
 * under it (beside it on wide screens), and an action bar that stays at the bottom of the screen
 * with the balance, the private show and the tips. Signed-out visitors see the room but need an
 * account to watch, chat, tip or ask for a show. During someone else's private show the page waits
 * (the server sends no chat or video to it); a page that was in the room when it began is sent back
 * to the wall.
 */
export function LiveRoom({ room, me, isOwner, provider, iceServers, chatSlot }: LiveRoomProps) {
  const connection = useRoom({ slug: room.slug, enabled: me !== null });
  const { view, viewers, lines, billing, stream, sendChat } = connection;
  const status = view?.status ?? room.status;
  const excluded = view?.excluded ?? false;
  const balance = useBalance() ?? 0;
  const builtin = provider === "builtin";
  const isViewer = me?.role === "viewer";
  // The server's own rule (lib/users/spend-guard.ts), so the buttons say what the server would answer.
  // A blocked account has no session at all (getCurrentUser), so only the hold can apply here.
  const spendBlocker = me ? (spendRefusal({ blocked: false, flagged: me.flagged })?.message ?? null) : null;

  const chatBlocked = !me
    ? "Log in to chat."
    : excluded
      ? `${room.displayName} is in a private show. The chat reopens when it ends.`
      : null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-xl font-bold">{room.displayName}</h1>
        <StatusBadge status={status} />
        {me && <span className="text-sm text-slate-300" data-testid="viewer-count">{viewers} {viewers === 1 ? "viewer" : "viewers"} watching</span>}
        <ReconnectingNote state={me ? stream : "open"} />
      </div>

      {isOwner && (
        <p className="rounded border border-slate-700 p-3 text-sm">
          This is your room as viewers see it. Go live and manage your shows from your <Link className="text-pink-300 underline" href="/studio">studio</Link>.
        </p>
      )}

      <div id="chat-slot" data-testid="chat-slot" className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        {/* Edge to edge on a phone: the video is the page. */}
        <div data-testid="room-stage" className="-mx-4 sm:mx-0">
          {!builtin ? (
            <div className="aspect-video overflow-hidden bg-slate-900 sm:rounded-lg sm:border sm:border-slate-800">{chatSlot}</div>
          ) : !me ? (
            <p className="flex aspect-video items-center justify-center bg-slate-900 p-4 text-center text-slate-300 sm:rounded-lg sm:border sm:border-slate-800">
              {status === "offline" ? `${room.displayName} is offline.` : "Log in to watch and chat for free."}
            </p>
          ) : excluded ? (
            <p data-testid="room-excluded" className="flex aspect-video items-center justify-center bg-slate-900 p-4 text-center text-slate-300 sm:rounded-lg sm:border sm:border-slate-800">
              {room.displayName} is in a private show right now. This page goes live again when it ends.
            </p>
          ) : isOwner ? (
            <p className="flex aspect-video items-center justify-center bg-slate-900 p-4 text-center text-slate-300 sm:rounded-lg sm:border sm:border-slate-800">
              Your camera shows in your studio.
            </p>
          ) : (
            <ViewerVideo room={connection} displayName={room.displayName} status={status} iceServers={iceServers} />
          )}
        </div>
        {builtin && <ChatPanel lines={lines} send={sendChat} disabledReason={chatBlocked} />}
      </div>

      {view?.goal && <GoalBar goal={view.goal} />}
      {isOwner && view && <PerformerShowPanel shows={view.shows} billing={billing} />}
      {view && isViewer && !excluded && view.tipMenu.length > 0 && (
        <TipMenu performerId={room.performerId} displayName={room.displayName} items={view.tipMenu} balance={balance} />
      )}
      {view && isViewer && (
        <>
          <GroupPanel group={view.group} isOwner={false} isViewer />
          <TicketPanel show={view.ticketShow} isOwner={false} isViewer />
        </>
      )}
      {view && (me?.role === "viewer" || isOwner) && (
        <SpyPanel view={view} performerId={room.performerId} displayName={room.displayName} isOwner={isOwner} isViewer={isViewer} />
      )}

      {!isOwner && (
        <div
          data-testid="action-bar"
          className="sticky bottom-0 z-20 -mx-4 space-y-2 border-t border-slate-800 bg-slate-950/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-lg sm:border"
        >
          {isViewer && (
            <p className="text-sm">
              Balance <strong data-testid="room-balance">{balance}</strong> credits ·{" "}
              <Link className="text-pink-300 underline" href="/credits">Buy credits</Link>
            </p>
          )}
          {!me && (
            <p className="text-sm text-slate-300">
              <Link className="text-pink-300 underline" href={`/login?callbackUrl=/performers/${room.slug}`}>Log in</Link> or{" "}
              <Link className="text-pink-300 underline" href="/signup">sign up</Link> to watch, tip and request a private show. Public chat is free.
            </p>
          )}
          {!excluded && (
            <div className="flex flex-col gap-2 lg:flex-row lg:items-start lg:gap-6">
              <PrivateShowPanel
                room={room}
                status={status}
                me={me}
                spendBlocker={spendBlocker}
                balance={balance}
                shows={view?.shows ?? []}
                billing={billing}
              />
              {isViewer && (
                <TipPanel
                  performerId={room.performerId}
                  displayName={room.displayName}
                  balance={balance}
                  unavailable={spendBlocker ?? (status === "offline" ? `${room.displayName} is offline: tips open when they are live.` : null)}
                />
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
