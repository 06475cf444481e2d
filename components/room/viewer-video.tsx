"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { JanusReceiver } from "@/components/video/janus-video";
import { requestVideoGrant } from "@/components/video/request-video-grant";
import type { WallStatus } from "@/lib/realtime/room-events";
import { Receiver, type ReceiverState } from "./webrtc";
import type { RoomConnection } from "./use-room";

type ViewerVideoProps = {
  room: RoomConnection;
  displayName: string;
  status: WallStatus;
  iceServers: RTCIceServer[];
};

/**
 * The performer's live video in a viewer's page. The site says how (POST …/video): peer to peer from
 * the performer's browser (webrtc.ts), or a subscription to the media server with the token it issued
 * (components/video). Starts muted, as browsers only autoplay muted video; the button turns the sound
 * on. Asks again whenever the page's room connection is new (first connect, or after a reconnect) and
 * whenever the performer says its camera is (back) on.
 */
export function ViewerVideo({ room, displayName, status, iceServers }: ViewerVideoProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<ReceiverState>("waiting");
  const [notice, setNotice] = useState<string | null>(null);
  const [muted, setMuted] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const { slug, connId, onSignal, sendSignal } = room;
  const live = status !== "offline";
  // By value: a server refresh passes an equal but new array, which must not restart the video.
  const iceKey = JSON.stringify(iceServers);
  const servers = useMemo(() => JSON.parse(iceKey) as RTCIceServer[], [iceKey]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !connId || !live) return;
    let cancelled = false;
    let close = () => undefined as void;
    let stopSignals = () => undefined as void;
    void requestVideoGrant(slug).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setState(result.waiting ? "waiting" : "ended");
        setNotice(result.waiting ? null : result.message);
        stopSignals = onSignal((event) => {
          if (event.data.kind === "ready") setAttempt((n) => n + 1);
        });
        return;
      }
      setNotice(null);
      const { grant } = result;
      if (grant.mode === "p2p") {
        const receiver = new Receiver(video, sendSignal, servers, setState);
        stopSignals = onSignal((event) => void receiver.handle(event));
        receiver.hello();
        close = () => receiver.close();
        return;
      }
      const receiver = new JanusReceiver(grant, video, servers, setState);
      // The performer (re)started publishing: ask the site again (the room may be new).
      stopSignals = onSignal((event) => {
        if (event.data.kind === "ready") setAttempt((n) => n + 1);
      });
      void receiver.start();
      close = () => receiver.close();
    });
    return () => {
      cancelled = true;
      stopSignals();
      close();
      setState("waiting");
    };
  }, [slug, connId, live, attempt, onSignal, sendSignal, servers]);

  const overlay = !live
    ? `${displayName} is offline.`
    : state === "playing"
      ? null
      : state === "full"
        ? "The room is full: in peer-to-peer mode the performer's browser sends video to a few viewers only. Try again later."
        : state === "ended"
          ? (notice ?? "The stream stopped. It restarts when the performer's camera is back.")
          : state === "connecting"
            ? "Connecting to the stream…"
            : `Waiting for ${displayName}'s camera…`;

  return (
    <div className="relative aspect-video overflow-hidden rounded-lg bg-black">
      <video ref={videoRef} data-testid="room-video" autoPlay playsInline muted={muted} className="h-full w-full object-contain" aria-label={`Live video of ${displayName}`} />
      {overlay && <p data-testid="room-video-notice" className="absolute inset-0 flex items-center justify-center p-4 text-center text-slate-200">{overlay}</p>}
      {state === "playing" && (
        <button type="button" onClick={() => setMuted((m) => !m)} className="absolute bottom-2 right-2 rounded bg-slate-900/80 px-3 py-1 text-sm text-white">
          {muted ? "Turn sound on" : "Mute"}
        </button>
      )}
    </div>
  );
}
