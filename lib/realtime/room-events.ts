// The events a room's Server-Sent Events stream sends to the browser (GET /api/rooms/[slug]/events),
// shared by the route (server) and the room components (client). Types only: no runtime code, so
// client bundles import nothing from the server.

export type WallStatus = "online" | "busy" | "offline";
export type RoomRole = "performer" | "viewer" | "admin";
export type ShowStatus = "requested" | "active" | "ended" | "declined" | "cancelled";
export type ShowEndReason = "user_left" | "performer_left" | "disconnected" | "credits_exhausted" | "timeout" | "show_ended";

/** A private show as the room shows it: the performer sees all of the room's, a viewer only their own. */
export type RoomShow = {
  id: number;
  userId: number;
  username: string;
  status: ShowStatus;
  endReason: ShowEndReason | null;
  ratePerMinute: number;
  requestedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  secondsBilled: number;
  creditsCharged: number;
};

/** `state`: sent on connect and after every change of the room (status, requests, shows). */
export type RoomView = {
  status: WallStatus;
  shows: RoomShow[];
  /** True while someone else's private show runs: this connection gets no chat, video or signals. */
  excluded: boolean;
  /** Spies on the running private show: the count for its performer and viewer (0 for anyone else). */
  spies: number;
  /** The performer's view only: the users spying on the running private show (they get the stream too). */
  spyUserIds: number[];
  /** This user's own active spy session on the running private show, if any (they watch, but may not chat). */
  spySessionId: number | null;
  /** Whether this user could start spying now (a private show runs, spying is allowed on it and on the site). */
  canSpy: boolean;
  /** The running private show's spy rate for this room, credits per minute. */
  spyRatePerMinute: number;
  /** The performer's goal (running, or reached in the past hour), null when none. */
  goal: WallGoal | null;
  tipMenu: TipMenuEntry[];
  /** The room's open group show; `mySeat` is this user's seat in it. */
  group: RoomGroupShow | null;
  /** The room's next (or live) ticket show; `holding`: this user holds a ticket. */
  ticketShow: RoomTicketShow | null;
};

export type RoomGroupShow = {
  id: number; status: "waiting" | "running"; ratePerMinute: number; minViewers: number; startBy: string; joined: number;
  mySeat: { id: number; status: ShowStatus } | null;
};

export type RoomTicketShow = {
  id: number; title: string; price: number; startsAt: string; status: "scheduled" | "live"; seats: number | null; sold: number; holding: boolean;
};

export type ChatMessage = { id: string; at: string; from: { id: number; username: string; role: RoomRole }; text: string };

export type IceCandidate = { candidate: string; sdpMid: string | null; sdpMLineIndex: number | null; usernameFragment?: string | null };

/** WebRTC signalling, relayed by the site: hello (viewer wants the stream), ready (performer's camera is on), offer/answer/ice, bye. */
export type SignalData =
  | { kind: "hello" }
  | { kind: "ready" }
  | { kind: "bye" }
  /** Peer-to-peer mode: the performer's browser already sends to as many viewers as it may. */
  | { kind: "full"; max: number }
  | { kind: "offer"; sdp: string }
  | { kind: "answer"; sdp: string }
  | { kind: "ice"; candidate: IceCandidate };

/** "performer": the room's performer; "audience": every viewer in the room (performer only); else a connection id. */
export type SignalTarget = string;

export type SignalEvent = { from: { conn: string; userId: number }; data: SignalData };

/** `billing`: the result of a heartbeat, to the show's viewer and performer (the countdown's source). */
export type BillingUpdate = {
  showId: number;
  status: ShowStatus;
  endReason: ShowEndReason | null;
  secondsRemaining: number;
  secondsBilled: number;
  creditsCharged: number;
  /** The viewer's balance after this billing step. */
  credits: number;
};

/** A tip as the room announces it; `item` names the tip-menu item it paid for ("X tipped for Dance"). */
export type TipNotice = { id: number; at: string; username: string; credits: number; item?: string | null };

/** A performer's goal as the room and the wall card show it. */
export type WallGoal = { title: string; target: number; collected: number; reached: boolean };

export type TipMenuEntry = { id: number; label: string; credits: number };

export type RoomEventMap = {
  welcome: { connId: string; userId: number };
  state: RoomView;
  viewers: { count: number };
  chat: ChatMessage;
  signal: SignalEvent;
  billing: BillingUpdate;
  tip: TipNotice;
  kicked: { reason: "private_show" };
};

export type WallEventMap = {
  snapshot: {
    performers: { id: number; slug: string; username: string; displayName: string; image: string | null; status: WallStatus; ratePerMinute: number; goal: WallGoal | null }[];
  };
  status: { performerId: number; status: WallStatus };
  /** How many viewers a room has now (sent when it changes, at most every few seconds per room). */
  viewers: { performerId: number; count: number };
  goal: { performerId: number; goal: WallGoal | null };
};
