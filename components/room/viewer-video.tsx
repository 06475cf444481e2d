"use client";

import { useEffect, useMemo, useRef, useState } from "react";
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
 * The performer's live video in a viewer's page (WebRTC, see webrtc.ts). Starts muted, as browsers
 * only autoplay muted video; the button turns the sound on. Asks for the stream again whenever the
 * page's room connection is new (first connect, or after a reconnect).
 */
export function ViewerVideo({ room, displayName, status, iceServers }: ViewerVideoProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<ReceiverState>("waiting");
  const [muted, setMuted] = useState(true);
  const { connId, onSignal, sendSignal } = room;
  const live = status !== "offline";
  // By value: a server refresh passes an equal but new array, which must not restart the video.
  const iceKey = JSON.stringify(iceServers);
  const servers = useMemo(() => JSON.parse(iceKey) as RTCIceServer[], [iceKey]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !connId || !live) return;
    const receiver = new Receiver(video, sendSignal, servers, setState);
    const stop = onSignal((event) => void receiver.handle(event));
    receiver.hello();
    return () => {
      stop();
      receiver.close();
      setState("waiting");
    };
  }, [connId, live, onSignal, sendSignal, servers]);

  const overlay = !live
    ? `${displayName} is offline.`
    : state === "playing"
      ? null
      : state === "ended"
        ? "The stream stopped. It restarts when the performer's camera is back."
        : state === "connecting"
          ? "Connecting to the stream…"
          : `Waiting for ${displayName}'s camera…`;

  return (
    <div className="relative aspect-video overflow-hidden rounded-lg bg-black">
      <video ref={videoRef} data-testid="room-video" autoPlay playsInline muted={muted} className="h-full w-full object-contain" aria-label={`Live video of ${displayName}`} />
      {overlay && <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-slate-200">{overlay}</p>}
      {state === "playing" && (
        <button type="button" onClick={() => setMuted((m) => !m)} className="absolute bottom-2 right-2 rounded bg-slate-900/80 px-3 py-1 text-sm text-white">
          {muted ? "Turn sound on" : "Mute"}
        </button>
      )}
    </div>
  );
}
