"use client";

import { useRouter } from "next/navigation";
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
import { JanusPublisher } from "@/components/video/janus-video";
import { requestVideoGrant } from "@/components/video/request-video-grant";
import { StatusBadge } from "@/components/wall/status-badge";
import type { WallStatus } from "@/lib/realtime/room-events";
import { usePreviewSnapshots } from "./use-preview-snapshots";
import { useStudioCameraBeat } from "./use-studio-camera-beat";

type StudioLiveProps = {
  room: { slug: string; displayName: string; status: WallStatus };
  provider: "builtin" | "html5chat";
  iceServers: RTCIceServer[];
  /** html5-chat: the performer's chat embed (or why it is missing). */
  chatSlot?: React.ReactNode;
  /** Earnings and recent tips, rendered on the server: refreshed here when a tip or a show's end arrives. */
  insights: React.ReactNode;
};

/**
 * The performer's studio, phone first: the camera at the top, the live controls under it, then
 * requests and earnings, then the chat (on wide screens requests and earnings sit beside the
 * camera). With the built-in chat the status follows the camera: "Go live" turns it on and the
 * studio's beats put the performer online; turning it off, closing or reloading the page, or a lost
 * connection takes them offline. With html5-chat the status is set here by hand.
 */
export function StudioLive({ room, provider, iceServers, chatSlot, insights }: StudioLiveProps) {
  const router = useRouter();
  const connection = useRoom({ slug: room.slug, enabled: true });
  const { view, viewers, lines, billing, stream: streamState, connId, onSignal, sendSignal, sendChat } = connection;
  const status = view?.status ?? room.status;
  const builtin = provider === "builtin";
  const [camera, setCamera] = useState<MediaStream | null>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  /** How the camera reaches viewers: null until the site said (POST …/video). */
  const [videoMode, setVideoMode] = useState<VideoMode | null>(null);
  const [videoError, setVideoError] = useState<string | null>(null);
  const previewRef = useRef<HTMLVideoElement>(null);
  const broadcasterRef = useRef<Broadcaster | null>(null);
  const iceKey = JSON.stringify(iceServers);
  const servers = useMemo(() => JSON.parse(iceKey) as RTCIceServer[], [iceKey]);
  const activeShow = view?.shows.find((show) => show.status === "active");
  const activeUserId = activeShow?.userId ?? null;
  // The private show's viewer and its spies keep the stream; the key changes only when they do.
  const keptKey = activeUserId === null ? "" : [activeUserId, ...(view?.spyUserIds ?? [])].join(",");
  const activeUserRef = useRef<number[] | null>(null);
  const activeShowRef = useRef<{ id: number; userId: number } | null>(null);
  /** Viewer connections whose peer this page reported gone (so only their return is reported). */
  const reportedGone = useRef(new Set<string>());
  // Live once viewers can get the video: peer to peer as soon as the site granted it, through a
  // media server once the publisher is playing (a server that is down keeps the performer offline).
  const publishing = camera !== null && videoMode !== null && (videoMode.mode === "p2p" || videoMode.sending);

  useStudioCameraBeat(builtin && publishing, builtin && room.status !== "offline");

  async function startCamera(): Promise<void> {
    setCameraError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setCameraError("This browser cannot use a camera here (it needs HTTPS).");
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      // A camera unplugged or taken by another app ends the broadcast, and so the live status.
      stream.getVideoTracks().forEach((track) => track.addEventListener("ended", () => setCamera((current) => (current === stream ? null : current))));
      setCamera(stream);
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
    if (!result.ok) setStatusError(result.message);
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
        const broadcaster = new Broadcaster(camera, sendSignal, servers, () => undefined, grant.maxViewers, reportPeer);
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
    const kept = keptKey === "" ? null : keptKey.split(",").map(Number);
    activeUserRef.current = kept;
    activeShowRef.current = activeShowId !== null && activeUserId !== null ? { id: activeShowId, userId: activeUserId } : null;
    reportedGone.current.clear();
    broadcasterRef.current?.keepOnly(kept);
  }, [activeShowId, activeUserId, keptKey]);

  useEffect(() => () => camera?.getTracks().forEach((track) => track.stop()), [camera]);
  usePreviewSnapshots(previewRef, publishing);

  // Earnings and tips are the server's numbers: re-rendered when a tip arrives or a show ends.
  const tipCount = lines.filter((line) => line.kind === "tip").length;
  const endedShows = view?.shows.filter((show) => show.status === "ended").map((show) => show.id).join(",") ?? "";
  const seen = useRef({ tipCount, endedShows });
  useEffect(() => {
    if (seen.current.tipCount === tipCount && seen.current.endedShows === endedShows) return;
    seen.current = { tipCount, endedShows };
    const timer = setTimeout(() => router.refresh(), 300);
    return () => clearTimeout(timer);
  }, [tipCount, endedShows, router]);

  const live = builtin ? camera !== null : status !== "offline";
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
      <section aria-labelledby="live-title" className="min-w-0 space-y-3">
        <h2 id="live-title" className="sr-only">Live</h2>
        <div className="-mx-4 sm:mx-0">
          {builtin ? (
            <div className="relative aspect-video overflow-hidden bg-black sm:rounded-lg">
              <video ref={previewRef} data-testid="camera-preview" autoPlay playsInline muted className="h-full w-full object-contain" aria-label="Your camera preview" />
              {!camera && <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-slate-200">Camera off: viewers see you as offline.</p>}
            </div>
          ) : (
            <div className="aspect-video overflow-hidden border-slate-800 bg-slate-900 sm:rounded-lg sm:border">{chatSlot}</div>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={status} />
          <span className="text-sm text-slate-300" data-testid="viewer-count">{viewers} {viewers === 1 ? "viewer" : "viewers"} watching</span>
          <ReconnectingNote state={streamState} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {live ? (
            <button
              type="button"
              disabled={pending}
              onClick={() => (builtin ? stopCamera() : void changeStatus("offline"))}
              className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-600 disabled:opacity-60"
            >
              Go offline
            </button>
          ) : (
            <button
              type="button"
              disabled={pending}
              onClick={() => void (builtin ? startCamera() : changeStatus("online"))}
              className="rounded bg-green-700 px-4 py-2 font-medium text-white hover:bg-green-600 disabled:opacity-60"
            >
              Go live
            </button>
          )}
          {builtin && (
            <p className="text-sm text-slate-300" data-testid="stream-peers">{streamLine(camera !== null, videoMode)}</p>
          )}
        </div>
        {statusError && <p role="alert" className="text-sm text-red-300">{statusError}</p>}
        {cameraError && <p role="alert" className="text-sm text-red-300">{cameraError}</p>}
        {videoError && camera && <p role="alert" data-testid="video-error" className="text-sm text-red-300">{videoError}</p>}
      </section>
      <div className="min-w-0 space-y-4 lg:row-span-2">
        {view && <PerformerShowPanel shows={view.shows} billing={billing} />}
        {/* What is live (requests, earnings, tips) before the set-up forms, so it stays on the first screen. */}
        {insights}
        {view && (
          <>
            <SpyPanel view={view} displayName={room.displayName} isOwner isViewer={false} />
            <GroupPanel group={view.group} isOwner isViewer={false} />
            <TicketPanel show={view.ticketShow} isOwner isViewer={false} />
          </>
        )}
      </div>
      {builtin && (
        <div className="min-w-0">
          <ChatPanel lines={lines} send={sendChat} disabledReason={null} />
        </div>
      )}
    </div>
  );
}

type VideoMode = { mode: "p2p"; maxViewers: number } | { mode: "janus"; sending: boolean };

function streamLine(cameraOn: boolean, mode: VideoMode | null): string {
  if (!cameraOn) return "Going live turns your camera on; turning it off takes you offline.";
  if (mode?.mode === "janus") return mode.sending ? "Your camera is live: the video server forwards it to every viewer." : "Connecting to the video server…";
  return mode ? `Your camera is live (peer to peer: at most ${mode.maxViewers} viewers get video).` : "Starting your camera…";
}
