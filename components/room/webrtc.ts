// WebRTC for the built-in room: the performer's browser sends its camera and microphone to each
// viewer's browser over one RTCPeerConnection per viewer (peer to peer: the video never passes
// through the site). The site only relays the signalling (POST /api/rooms/[slug]/signal → NOTIFY →
// the recipient's SSE stream). The performer offers; viewers answer.
//
//   viewer  ──hello──▶ performer        (the viewer's page opened, or the performer said `ready`)
//   viewer ◀──offer─── performer        (with the camera's tracks)
//   viewer  ──answer─▶ performer
//   both   ◀──ice───▶ both             (trickled; queued until the remote description is set)
//   performer ──ready──▶ audience       (camera on, or the performer's page reconnected)
//   viewer ◀──full──── performer        (already sending to maxViewers others: the room is full)
//
// With a media server (VIDEO_SERVER set) components/video/janus-video.ts carries the video instead;
// `ready` still tells viewers to (re)subscribe.

import type { IceCandidate, SignalData, SignalEvent } from "@/lib/realtime/room-events";

export type SendSignal = (to: string, data: SignalData) => Promise<void>;

type Peer = { pc: RTCPeerConnection; userId: number; pendingIce: RTCIceCandidateInit[] };

function candidateJson(candidate: RTCIceCandidate): IceCandidate {
  const json = candidate.toJSON();
  return { candidate: json.candidate ?? "", sdpMid: json.sdpMid ?? null, sdpMLineIndex: json.sdpMLineIndex ?? null, usernameFragment: json.usernameFragment ?? null };
}

async function addCandidate(peer: Peer, candidate: RTCIceCandidateInit): Promise<void> {
  if (!peer.pc.remoteDescription) {
    peer.pendingIce.push(candidate);
    return;
  }
  await peer.pc.addIceCandidate(candidate).catch(() => undefined);
}

async function flushCandidates(peer: Peer): Promise<void> {
  for (const candidate of peer.pendingIce.splice(0)) await peer.pc.addIceCandidate(candidate).catch(() => undefined);
}

/** The performer's side: one peer connection per viewer connection. */
export class Broadcaster {
  private readonly peers = new Map<string, Peer>();
  /** During a private show, the only users who keep (or may get) the stream: its viewer and its spies. */
  private onlyUsers: number[] | null = null;

  constructor(
    private readonly stream: MediaStream,
    private readonly send: SendSignal,
    private readonly iceServers: RTCIceServer[],
    private readonly onPeers: (count: number) => void = () => undefined,
    private readonly maxViewers = Number.POSITIVE_INFINITY,
    /** A viewer's peer connection went (`disconnected`, `failed`) or came back (`connected`). */
    private readonly onPeerState: (conn: string, userId: number, connected: boolean) => void = () => undefined,
  ) {}

  /** Tells every viewer in the room that the camera is on: they answer with hello. */
  announce(): void {
    void this.send("audience", { kind: "ready" });
  }

  async handle({ from, data }: SignalEvent): Promise<void> {
    if (data.kind === "hello") {
      await this.connect(from.conn, from.userId);
      return;
    }
    const peer = this.peers.get(from.conn);
    if (!peer) return;
    if (data.kind === "answer") {
      await peer.pc.setRemoteDescription({ type: "answer", sdp: data.sdp }).catch(() => this.drop(from.conn));
      await flushCandidates(peer);
    } else if (data.kind === "ice") {
      await addCandidate(peer, data.candidate);
    } else if (data.kind === "bye") {
      this.drop(from.conn);
    }
  }

  /** A private show started: every other viewer's connection (but its spies') is closed. Null lifts the restriction. */
  keepOnly(userIds: number[] | null): void {
    this.onlyUsers = userIds;
    if (userIds === null) return;
    for (const [conn, peer] of this.peers) if (!userIds.includes(peer.userId)) this.drop(conn, true);
  }

  close(): void {
    for (const conn of [...this.peers.keys()]) this.drop(conn, true);
  }

  private async connect(conn: string, userId: number): Promise<void> {
    if (this.onlyUsers !== null && !this.onlyUsers.includes(userId)) return;
    this.drop(conn);
    const others = new Set([...this.peers.values()].map((peer) => peer.userId).filter((id) => id !== userId));
    if (others.size >= this.maxViewers) {
      void this.send(conn, { kind: "full", max: this.maxViewers });
      return;
    }
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const peer: Peer = { pc, userId, pendingIce: [] };
    this.peers.set(conn, peer);
    this.onPeers(this.peers.size);
    for (const track of this.stream.getTracks()) pc.addTrack(track, this.stream);
    pc.onicecandidate = (event) => {
      if (event.candidate) void this.send(conn, { kind: "ice", candidate: candidateJson(event.candidate) });
    };
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState;
      if (state === "connected") this.onPeerState(conn, userId, true);
      if (state === "disconnected" || state === "failed") this.onPeerState(conn, userId, false);
      if (state === "failed" || state === "closed") this.drop(conn);
    };
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    await this.send(conn, { kind: "offer", sdp: offer.sdp ?? "" });
  }

  private drop(conn: string, tellViewer = false): void {
    const peer = this.peers.get(conn);
    if (!peer) return;
    this.peers.delete(conn);
    peer.pc.onconnectionstatechange = null;
    peer.pc.close();
    if (tellViewer) void this.send(conn, { kind: "bye" });
    this.onPeers(this.peers.size);
  }
}

export type ReceiverState = "waiting" | "connecting" | "playing" | "ended" | "full";

/** A viewer's side: asks for the stream and plays what the performer's browser sends. */
export class Receiver {
  private peer: Peer | null = null;
  private performerConn: string | null = null;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly send: SendSignal,
    private readonly iceServers: RTCIceServer[],
    private readonly onState: (state: ReceiverState) => void,
  ) {}

  hello(): void {
    void this.send("performer", { kind: "hello" });
  }

  async handle({ from, data }: SignalEvent): Promise<void> {
    if (data.kind === "ready") {
      this.reset();
      this.hello();
    } else if (data.kind === "offer") {
      await this.answer(from.conn, from.userId, data.sdp);
    } else if (data.kind === "ice" && this.peer && from.conn === this.performerConn) {
      await addCandidate(this.peer, data.candidate);
    } else if (data.kind === "bye" && from.conn === this.performerConn) {
      this.reset();
      this.onState("ended");
    } else if (data.kind === "full") {
      this.reset();
      this.onState("full");
    }
  }

  close(): void {
    if (this.performerConn) void this.send(this.performerConn, { kind: "bye" });
    this.reset();
  }

  private async answer(conn: string, userId: number, sdp: string): Promise<void> {
    this.reset();
    this.onState("connecting");
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const peer: Peer = { pc, userId, pendingIce: [] };
    this.peer = peer;
    this.performerConn = conn;
    pc.ontrack = (event) => {
      const [stream] = event.streams;
      if (stream && this.video.srcObject !== stream) {
        this.video.srcObject = stream;
        void this.video.play().catch(() => undefined);
      }
    };
    pc.onicecandidate = (event) => {
      if (event.candidate) void this.send(conn, { kind: "ice", candidate: candidateJson(event.candidate) });
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === "connected") this.onState("playing");
      if (pc.connectionState === "failed") {
        this.reset();
        this.onState("ended");
      }
    };
    await pc.setRemoteDescription({ type: "offer", sdp });
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    await flushCandidates(peer);
    await this.send(conn, { kind: "answer", sdp: answer.sdp ?? "" });
  }

  private reset(): void {
    if (this.peer) {
      this.peer.pc.onconnectionstatechange = null;
      this.peer.pc.close();
    }
    this.peer = null;
    this.performerConn = null;
    this.video.srcObject = null;
  }
}
