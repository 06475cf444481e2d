"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { setStatusAction } from "@/app/studio/actions";
import { ReconnectingNote } from "@/components/realtime/reconnecting-note";
import { ChatPanel } from "@/components/room/chat-panel";
import { PerformerShowPanel } from "@/components/room/performer-show-panel";
import { GroupPanel } from "@/components/room/group-panel";
import { SpyPanel } from "@/components/room/spy-panel";
import { TicketPanel } from "@/components/room/ticket-panel";
import { useRoom } from "@/components/room/use-room";
import { Broadcaster } from "@/components/room/webrtc";
import { StatusBadge } from "@/components/wall/status-badge";
import type { WallStatus } from "@/lib/realtime/room-events";

type StudioLiveProps = {
  room: { slug: string; displayName: string; status: WallStatus };
  provider: "builtin" | "html5chat";
  iceServers: RTCIceServer[];
  /** html5-chat: the performer's chat embed (or why it is missing). */
  chatSlot?: React.ReactNode;
};

/**
 * The performer's live controls: online/offline, the camera (previewed here and, with the built-in
 * chat, sent to each viewer by WebRTC), the room's chat and viewer count, and private show requests.
 * Going offline also turns the camera off.
 */
export function StudioLive({ room, provider, iceServers, chatSlot }: StudioLiveProps) {
  const connection = useRoom({ slug: room.slug, enabled: true });
  const { view, viewers, lines, billing, stream: streamState, connId, onSignal, sendSignal, sendChat } = connection;
  const status = view?.status ?? room.status;
  const builtin = provider === "builtin";
  const [camera, setCamera] = useState<MediaStream | null>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [peers, setPeers] = useState(0);
  const previewRef = useRef<HTMLVideoElement>(null);
  const broadcasterRef = useRef<Broadcaster | null>(null);
  const iceKey = JSON.stringify(iceServers);
  const servers = useMemo(() => JSON.parse(iceKey) as RTCIceServer[], [iceKey]);
  const activeUserId = view?.shows.find((show) => show.status === "active")?.userId ?? null;
  // The private show's viewer and its spies keep the stream; the key changes only when they do.
  const keptKey = activeUserId === null ? "" : [activeUserId, ...(view?.spyUserIds ?? [])].join(",");
  const activeUserRef = useRef<number[] | null>(null);

  async function startCamera(): Promise<void> {
    setCameraError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setCameraError("This browser cannot use a camera here (it needs HTTPS).");
      return;
    }
    try {
      setCamera(await navigator.mediaDevices.getUserMedia({ video: true, audio: true }));
    } catch {
      setCameraError("The camera or microphone is blocked or missing. Allow them for this site in your browser and try again.");
    }
  }

  function stopCamera(): void {
    camera?.getTracks().forEach((track) => track.stop());
    setCamera(null);
  }

  async function changeStatus(next: "online" | "offline") {
    setPending(true);
    setStatusError(null);
    const result = await setStatusAction({ status: next });
    setPending(false);
    if (!result.ok) {
      setStatusError(result.message);
      return;
    }
    if (next === "offline") stopCamera();
    else if (builtin && !camera) await startCamera();
  }

  useEffect(() => {
    if (previewRef.current) previewRef.current.srcObject = camera;
  }, [camera]);

  // The camera's stream goes to each viewer who says hello; a new room connection (reconnect)
  // announces it again so that viewers re-connect to this page.
  useEffect(() => {
    if (!builtin || !camera || !connId) return;
    const broadcaster = new Broadcaster(camera, sendSignal, servers, setPeers);
    broadcaster.keepOnly(activeUserRef.current);
    broadcasterRef.current = broadcaster;
    const stop = onSignal((event) => void broadcaster.handle(event));
    broadcaster.announce();
    return () => {
      stop();
      broadcaster.close();
      broadcasterRef.current = null;
    };
  }, [builtin, camera, connId, onSignal, sendSignal, servers]);

  // A private show keeps only its viewer's stream; when it ends, everyone may connect again.
  useEffect(() => {
    const kept = keptKey === "" ? null : keptKey.split(",").map(Number);
    activeUserRef.current = kept;
    broadcasterRef.current?.keepOnly(kept);
  }, [keptKey]);

  useEffect(() => () => camera?.getTracks().forEach((track) => track.stop()), [camera]);

  return (
    <div className="space-y-4">
      <section aria-labelledby="live-title" className="space-y-3 rounded-lg border border-slate-800 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="live-title" className="text-lg font-semibold">Live</h2>
          <StatusBadge status={status} />
          <span className="text-sm text-slate-300" data-testid="viewer-count">{viewers} {viewers === 1 ? "viewer" : "viewers"} watching</span>
          <ReconnectingNote state={streamState} />
        </div>
        <div className="flex flex-wrap gap-2">
          {status === "offline" ? (
            <button type="button" disabled={pending} onClick={() => void changeStatus("online")} className="rounded bg-green-700 px-4 py-2 font-medium text-white hover:bg-green-600 disabled:opacity-60">
              Go online
            </button>
          ) : (
            <button type="button" disabled={pending} onClick={() => void changeStatus("offline")} className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-600 disabled:opacity-60">
              Go offline
            </button>
          )}
          {builtin &&
            (camera ? (
              <button type="button" onClick={stopCamera} className="rounded border border-slate-600 px-4 py-2">Turn camera off</button>
            ) : (
              <button type="button" onClick={() => void startCamera()} className="rounded border border-slate-600 px-4 py-2">Turn camera on</button>
            ))}
        </div>
        {statusError && <p role="alert" className="text-sm text-red-300">{statusError}</p>}
        {builtin ? (
          <div className="space-y-1">
            <div className="relative aspect-video max-w-xl overflow-hidden rounded-lg bg-black">
              <video ref={previewRef} data-testid="camera-preview" autoPlay playsInline muted className="h-full w-full object-contain" aria-label="Your camera preview" />
              {!camera && <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-slate-200">Camera off</p>}
            </div>
            <p className="text-sm text-slate-300" data-testid="stream-peers">{camera ? `Sending video to ${peers} ${peers === 1 ? "viewer" : "viewers"}.` : "Viewers cannot see you until the camera is on."}</p>
            {cameraError && <p role="alert" className="text-sm text-red-300">{cameraError}</p>}
          </div>
        ) : (
          <div className="aspect-video max-w-xl overflow-hidden rounded-lg border border-slate-800 bg-slate-900">{chatSlot}</div>
        )}
      </section>
      {view && <PerformerShowPanel shows={view.shows} billing={billing} />}
      {view && (
        <>
          <SpyPanel view={view} displayName={room.displayName} isOwner isViewer={false} sendsHeartbeats={false} heartbeatMs={0} onBalance={() => undefined} />
          <GroupPanel group={view.group} isOwner isViewer={false} sendsHeartbeats={false} heartbeatMs={0} onBalance={() => undefined} />
          <TicketPanel show={view.ticketShow} isOwner isViewer={false} onBalance={() => undefined} />
        </>
      )}
      {builtin && <ChatPanel lines={lines} send={sendChat} disabledReason={null} />}
    </div>
  );
}
