// Publishing and watching a room's video through Janus' VideoRoom, with the participant id and token
// the site issued (POST /api/rooms/[slug]/video). A viewer joins as a (silent) participant and then
// subscribes with that participant's private id: the room requires it, so when the site kicks the
// participant (a private show started) Janus stops the subscription's media as well.

import type { VideoGrant } from "@/lib/video/grant";
import { JanusRequestError, JanusSession, type HandleEvent, type JanusHandle } from "./janus-client";

type JanusGrant = Extract<VideoGrant, { mode: "janus" }>;

export type JanusVideoState = "connecting" | "playing" | "waiting" | "ended";

/** VideoRoom's "no such feed": the performer has not published (yet). */
const NO_SUCH_FEED = 428;

function watchPeer(pc: RTCPeerConnection, handle: JanusHandle): void {
  pc.onicecandidate = (event) => handle.trickle(event.candidate);
}

function leftRoom(event: HandleEvent): boolean {
  const data = event.data ?? {};
  return event.janus === "hangup" || event.janus === "detached" || data.videoroom === "destroyed" || data.leaving === "ok" || data.unpublished === "ok";
}

/** The performer's camera, sent once to Janus, which forwards it to every subscriber. */
export class JanusPublisher {
  private session: JanusSession | null = null;
  private pc: RTCPeerConnection | null = null;
  private stopped = false;

  constructor(
    private readonly grant: JanusGrant,
    private readonly stream: MediaStream,
    private readonly iceServers: RTCIceServer[],
    private readonly onState: (state: JanusVideoState, message?: string) => void,
  ) {}

  async start(): Promise<void> {
    this.onState("connecting");
    try {
      const session = await JanusSession.connect(this.grant.url);
      this.session = session;
      session.onClose = () => this.end("The connection to the video server was lost.");
      const handle = await session.attach((event) => {
        if (leftRoom(event)) this.end("The video server ended your broadcast.");
        if (event.janus === "webrtcup") this.onState("playing");
      });
      await handle.message({ request: "join", ptype: "publisher", room: this.grant.room, id: this.grant.id, token: this.grant.token, display: "performer" });
      const pc = new RTCPeerConnection({ iceServers: this.iceServers });
      this.pc = pc;
      watchPeer(pc, handle);
      for (const track of this.stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [this.stream] });
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const answer = await handle.message({ request: "publish", audio: true, video: true }, { type: "offer", sdp: offer.sdp });
      if (this.stopped) return;
      if (!answer.jsep) throw new Error("The video server sent no answer.");
      await pc.setRemoteDescription(answer.jsep);
    } catch (error) {
      this.end(error instanceof Error ? error.message : "The video server refused the broadcast.");
    }
  }

  close(): void {
    this.stopped = true;
    this.pc?.close();
    this.session?.close();
  }

  private end(message: string): void {
    if (this.stopped) return;
    this.close();
    this.onState("ended", message);
  }
}

/** A viewer's subscription to the performer's feed. */
export class JanusReceiver {
  private session: JanusSession | null = null;
  private pc: RTCPeerConnection | null = null;
  private stopped = false;

  constructor(
    private readonly grant: JanusGrant,
    private readonly video: HTMLVideoElement,
    private readonly iceServers: RTCIceServer[],
    private readonly onState: (state: JanusVideoState) => void,
  ) {}

  async start(): Promise<void> {
    this.onState("connecting");
    try {
      const session = await JanusSession.connect(this.grant.url);
      this.session = session;
      session.onClose = () => this.end("ended");
      const member = await session.attach((event) => {
        if (leftRoom(event)) this.end("ended");
        else if (event.data?.unpublished === this.grant.feed || event.data?.leaving === this.grant.feed) this.end("waiting");
      });
      const joined = await member.message({ request: "join", ptype: "publisher", room: this.grant.room, id: this.grant.id, token: this.grant.token });
      const subscriber = await session.attach((event) => {
        if (leftRoom(event)) this.end("ended");
        if (event.janus === "webrtcup") this.onState("playing");
      });
      const offer = await subscriber.message({ request: "join", ptype: "subscriber", room: this.grant.room, private_id: joined.data.private_id, streams: [{ feed: this.grant.feed }] });
      if (this.stopped) return;
      if (!offer.jsep) throw new Error("no offer");
      const pc = new RTCPeerConnection({ iceServers: this.iceServers });
      this.pc = pc;
      watchPeer(pc, subscriber);
      pc.ontrack = (event) => {
        const stream = event.streams[0] ?? new MediaStream([event.track]);
        if (this.video.srcObject !== stream) {
          this.video.srcObject = stream;
          void this.video.play().catch(() => undefined);
        }
      };
      await pc.setRemoteDescription(offer.jsep);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await subscriber.message({ request: "start" }, { type: "answer", sdp: answer.sdp });
    } catch (error) {
      this.end(error instanceof JanusRequestError && error.code === NO_SUCH_FEED ? "waiting" : "ended");
    }
  }

  close(): void {
    this.stopped = true;
    this.pc?.close();
    this.pc = null;
    this.session?.close();
    this.video.srcObject = null;
  }

  private end(state: "waiting" | "ended"): void {
    if (this.stopped) return;
    this.close();
    this.onState(state);
  }
}
