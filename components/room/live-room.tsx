"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
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

export type LiveRoomProps = {
  room: { performerId: number; slug: string; displayName: string; ratePerMinute: number; status: WallStatus };
  me: { id: number; username: string; role: "viewer" | "performer" | "admin"; credits: number } | null;
  isOwner: boolean;
  provider: "builtin" | "html5chat";
  iceServers: RTCIceServer[];
  heartbeatMs: number;
  /** html5-chat: the server-built embed (or its failure message) for the chat box. */
  chatSlot?: React.ReactNode;
};

/**
 * A performer's room, live: status, viewer count, the video and chat (built-in) or html5-chat's
 * embed, the balance, tips and the private show. Signed-out visitors see the room but need an
 * account to watch, chat, tip or ask for a show. During someone else's private show the page waits
 * (the server sends no chat or video to it); a page that was in the room when it began is sent back
 * to the wall.
 */
export function LiveRoom({ room, me, isOwner, provider, iceServers, heartbeatMs, chatSlot }: LiveRoomProps) {
  const connection = useRoom({ slug: room.slug, enabled: me !== null });
  const { view, viewers, lines, billing, stream, sendChat, applyBilling } = connection;
  const status = view?.status ?? room.status;
  const excluded = view?.excluded ?? false;
  // The balance as the server rendered it, unless this page has learnt a newer one since.
  const [local, setLocal] = useState<{ base: number; value: number } | null>(null);
  const serverBalance = me?.credits ?? 0;
  const balance = local && local.base === serverBalance ? local.value : serverBalance;
  const onBalance = useCallback((value: number) => setLocal({ base: serverBalance, value }), [serverBalance]);
  const [beatSignal, setBeatSignal] = useState(0);
  const builtin = provider === "builtin";
  const isViewer = me?.role === "viewer";

  const chatBlocked = !me
    ? "Log in to chat."
    : excluded
      ? `${room.displayName} is in a private show. The chat reopens when it ends.`
      : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={status} />
        {me && <span className="text-sm text-slate-300" data-testid="viewer-count">{viewers} {viewers === 1 ? "viewer" : "viewers"} watching</span>}
        <ReconnectingNote state={me ? stream : "open"} />
      </div>

      {isOwner && (
        <p className="rounded border border-slate-700 p-3 text-sm">
          This is your room as viewers see it. Go live and manage your shows from your <Link className="text-pink-300 underline" href="/studio">studio</Link>.
        </p>
      )}

      <div id="chat-slot" data-testid="chat-slot" className="space-y-3">
        {!builtin ? (
          <div className="aspect-video overflow-hidden rounded-lg border border-slate-800 bg-slate-900">{chatSlot}</div>
        ) : !me ? (
          <p className="flex aspect-video items-center justify-center rounded-lg border border-slate-800 bg-slate-900 p-4 text-center text-slate-300">
            {status === "offline" ? `${room.displayName} is offline.` : "Log in to watch and chat for free."}
          </p>
        ) : excluded ? (
          <p data-testid="room-excluded" className="flex aspect-video items-center justify-center rounded-lg border border-slate-800 bg-slate-900 p-4 text-center text-slate-300">
            {room.displayName} is in a private show right now. This page goes live again when it ends.
          </p>
        ) : isOwner ? null : (
          <ViewerVideo room={connection} displayName={room.displayName} status={status} iceServers={iceServers} />
        )}
        {builtin && <ChatPanel lines={lines} send={sendChat} disabledReason={chatBlocked} />}
      </div>

      {view?.goal && <GoalBar goal={view.goal} />}
      {isOwner && view && <PerformerShowPanel shows={view.shows} billing={billing} />}
      {view && isViewer && (
        <>
          <GroupPanel group={view.group} isOwner={false} isViewer sendsHeartbeats={builtin} heartbeatMs={heartbeatMs} onBalance={onBalance} />
          <TicketPanel show={view.ticketShow} isOwner={false} isViewer onBalance={onBalance} />
        </>
      )}
      {view && (me?.role === "viewer" || isOwner) && (
        <SpyPanel
          view={view} performerId={room.performerId} displayName={room.displayName} isOwner={isOwner} isViewer={isViewer}
          sendsHeartbeats={builtin} heartbeatMs={heartbeatMs} onBalance={onBalance}
        />
      )}

      {!isOwner && (
        <>
          {isViewer && (
            <p className="text-sm">
              Your balance: <strong data-testid="room-balance">{balance}</strong> credits ·{" "}
              <Link className="text-pink-300 underline" href="/credits">Buy credits</Link>
            </p>
          )}
          {!me && (
            <p className="text-sm text-slate-300">
              <Link className="underline" href={`/login?callbackUrl=/performers/${room.slug}`}>Log in</Link> or{" "}
              <Link className="underline" href="/signup">sign up</Link> to watch, tip and request a private show. Public chat is free.
            </p>
          )}
          {isViewer && !excluded && (
            <TipPanel
              performerId={room.performerId}
              displayName={room.displayName}
              balance={balance}
              onTipped={(credits) => {
                onBalance(credits);
                setBeatSignal((n) => n + 1);
              }}
            />
          )}
          {isViewer && !excluded && view && (
            <TipMenu performerId={room.performerId} displayName={room.displayName} items={view.tipMenu} balance={balance} onTipped={(credits) => {
              onBalance(credits);
              setBeatSignal((n) => n + 1);
            }} />
          )}
          {!excluded && (
            <PrivateShowPanel
              room={room}
              status={status}
              me={me}
              balance={balance}
              shows={view?.shows ?? []}
              billing={billing}
              applyBilling={applyBilling}
              onBalance={onBalance}
              sendsHeartbeats={builtin}
              heartbeatMs={heartbeatMs}
              beatSignal={beatSignal}
            />
          )}
        </>
      )}
    </div>
  );
}
