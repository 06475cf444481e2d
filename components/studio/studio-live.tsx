"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { setStatusAction } from "@/app/studio/actions";
import { ReconnectingNote } from "@/components/realtime/reconnecting-note";
import { ChatPanel } from "@/components/room/chat-panel";
import { PerformerShowPanel } from "@/components/room/performer-show-panel";
import { useRoom } from "@/components/room/use-room";
import { Broadcaster } from "@/components/room/webrtc";
import { JanusPublisher } from "@/components/video/janus-video";
import { requestVideoGrant } from "@/components/video/request-video-grant";
import { StatusBadge } from "@/components/wall/status-badge";
import type { WallStatus } from "@/lib/realtime/room-events";
import { usePreviewSnapshots } from "./use-preview-snapshots";

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
  /** How the camera reaches viewers: null until the site said (POST …/video). */
  const [videoMode, setVideoMode] = useState<{ mode: "p2p"; maxViewers: number } | { mode: "janus"; sending: boolean } | null>(null);
  const [videoError, setVideoError] = useState<string | null>(null);
  const previewRef = useRef<HTMLVideoElement>(null);
  const broadcasterRef = useRef<Broadcaster | null>(null);
  const iceKey = JSON.stringify(iceServers);
  const servers = useMemo(() => JSON.parse(iceKey) as RTCIceServer[], [iceKey]);
  const activeShow = view?.shows.find((show) => show.status === "active");
  const activeUserId = activeShow?.userId ?? null;
  const activeUserRef = useRef<number | null>(null);
  const activeShowRef = useRef<{ id: number; userId: number } | null>(null);
  /** Viewer connections whose peer this page reported gone (so only their return is reported). */
  const reportedGone = useRef(new Set<string>());

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

  // Peer to peer: the camera's stream goes to each viewer who says hello (up to the cap); a new room
  // connection (reconnect) announces it again so that viewers re-connect to this page. With a media
  // server: the camera is published once, then `ready` tells viewers to subscribe.
  useEffect(() => {
    if (!builtin || !camera || !connId) return;
    // The site bills a private show while its viewer's page is connected; this page sees a dead
    // viewer within seconds, so it says so (and says when the peer connection comes back).
    const reportPeer = (conn: string, userId: number, connected: boolean) => {
      const show = activeShowRef.current;
      if (!show || show.userId !== userId || connected !== reportedGone.current.has(conn)) return;
      if (connected) reportedGone.current.delete(conn);
      else reportedGone.current.add(conn);
      void fetch(`/api/shows/${show.id}/peer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ conn, connected }),
      }).catch(() => undefined);
    };
    let cancelled = false;
    let cleanup = () => undefined as void;
    void requestVideoGrant(room.slug).then((result) => {
      if (cancelled) return;
      setVideoError(result.ok ? null : result.message);
      if (!result.ok) return;
      const { grant } = result;
      if (grant.mode === "p2p") {
        setVideoMode({ mode: "p2p", maxViewers: grant.maxViewers });
        const broadcaster = new Broadcaster(camera, sendSignal, servers, setPeers, grant.maxViewers, reportPeer);
        broadcaster.keepOnly(activeUserRef.current);
        broadcasterRef.current = broadcaster;
        const stop = onSignal((event) => void broadcaster.handle(event));
        broadcaster.announce();
        cleanup = () => {
          stop();
          broadcaster.close();
          broadcasterRef.current = null;
        };
        return;
      }
      setVideoMode({ mode: "janus", sending: false });
      const publisher = new JanusPublisher(grant, camera, servers, (state, message) => {
        setVideoMode({ mode: "janus", sending: state === "playing" });
        if (state === "playing") void sendSignal("audience", { kind: "ready" });
        if (message) setVideoError(message);
      });
      void publisher.start();
      cleanup = () => publisher.close();
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [builtin, camera, connId, onSignal, sendSignal, servers, room.slug]);

  // A private show keeps only its viewer's stream; when it ends, everyone may connect again.
  const activeShowId = activeShow?.id ?? null;
  useEffect(() => {
    activeUserRef.current = activeUserId;
    activeShowRef.current = activeShowId !== null && activeUserId !== null ? { id: activeShowId, userId: activeUserId } : null;
    reportedGone.current.clear();
    broadcasterRef.current?.keepOnly(activeUserId);
  }, [activeShowId, activeUserId]);

  useEffect(() => () => camera?.getTracks().forEach((track) => track.stop()), [camera]);
  usePreviewSnapshots(previewRef, camera !== null && view?.status !== "offline");

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
            <p className="text-sm text-slate-300" data-testid="stream-peers">{streamLine(camera !== null, videoMode, peers)}</p>
            {cameraError && <p role="alert" className="text-sm text-red-300">{cameraError}</p>}
            {videoError && camera && <p role="alert" data-testid="video-error" className="text-sm text-red-300">{videoError}</p>}
          </div>
        ) : (
          <div className="aspect-video max-w-xl overflow-hidden rounded-lg border border-slate-800 bg-slate-900">{chatSlot}</div>
        )}
      </section>
      {view && <PerformerShowPanel shows={view.shows} billing={billing} />}
      {builtin && <ChatPanel lines={lines} send={sendChat} disabledReason={null} />}
    </div>
  );
}

function streamLine(cameraOn: boolean, mode: { mode: "p2p"; maxViewers: number } | { mode: "janus"; sending: boolean } | null, peers: number): string {
  if (!cameraOn) return "Viewers cannot see you until the camera is on.";
  if (mode?.mode === "janus") return mode.sending ? "Sending video to the video server, which forwards it to every viewer." : "Connecting to the video server…";
  const cap = mode ? ` (at most ${mode.maxViewers} in peer-to-peer mode)` : "";
  return `Sending video to ${peers} ${peers === 1 ? "viewer" : "viewers"}${cap}.`;
}
