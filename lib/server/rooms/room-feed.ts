import "server-only";
import { randomBytes } from "node:crypto";
import type { RoomEventMap } from "@/lib/realtime/room-events";
import { WALL_STATUS_CHANNEL, type WallStatusEvent } from "@/lib/server/performers/notify-wall-status";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import type { RealtimeHub } from "@/lib/server/realtime/hub";
import type { RoomUser } from "./get-room-member";
import { recordViewerCount } from "./record-viewer-count";
import { getRoomState, viewRoomState, type RoomState } from "./get-room-state";
import { publishRoomMessage, roomChannel, type RoomMessage } from "./room-channel";

export type FeedConnection = {
  id: string;
  user: RoomUser;
  isOwner: boolean;
  send: <K extends keyof RoomEventMap>(event: K, data: RoomEventMap[K]) => void;
  close: () => void;
};

/** peerGone: the performer's browser reported its peer connection to this connection gone. */
type Member = FeedConnection & { ready: boolean; excluded: boolean; peerGone: boolean };

/** Whether a viewer is watching, as far as this instance can tell (see lib/server/presence). */
export type ViewerPresence = "present" | "absent" | "unknown";

/** Each instance re-announces the viewers it holds this often; an announcement older than PRESENCE_TTL_MS is dropped. */
const PRESENCE_EVERY_MS = 15_000;
const PRESENCE_TTL_MS = 40_000;
/** A feed outlives its last connection briefly, so a page reload does not UNLISTEN and LISTEN again. */
const LINGER_MS = 5_000;
/**
 * Viewer counts go out at most this often: sent to every connection on every join, 2,000 viewers
 * arriving would cost 2,000 × 2,000 events.
 */
const COUNT_EVERY_MS = 250;

type ShowPresenceListener = (performerId: number) => void;

const globalForFeeds = globalThis as unknown as {
  roomFeeds?: Map<number, RoomFeed>;
  realtimeInstance?: string;
  showPresenceListeners?: Set<ShowPresenceListener>;
};
const feeds = (globalForFeeds.roomFeeds ??= new Map());
const showPresenceListeners = (globalForFeeds.showPresenceListeners ??= new Set());
const INSTANCE = (globalForFeeds.realtimeInstance ??= randomBytes(6).toString("hex"));

/**
 * One room's events on this app instance: one subscription to the room's NOTIFY channel (and to
 * wall_status, which announces accepts and ends) shared by all of the instance's connections to the
 * room, each of which gets only what its user may see:
 *  - on any change the feed re-reads the room's state once and sends each connection its own view;
 *    a connection that becomes excluded (someone else's private show started) is sent `kicked`
 *    and closed;
 *  - chat, tips and signals go to included connections only; signals only to their addressee;
 *  - the viewer count is the union of every instance's viewers, gossiped over the same channel;
 *  - whether the active private show's viewer is present here (an open, included connection whose
 *    peer connection the performer has not reported gone) is told to onShowPresenceChange listeners
 *    whenever it changes, so that presence billing can bill at that moment.
 */
export class RoomFeed {
  private readonly members = new Map<string, Member>();
  private readonly remote = new Map<string, { viewers: number[]; at: number }>();
  private readonly stops: (() => void)[] = [];
  private readonly started: Promise<void>;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private presenceTimer: NodeJS.Timeout;
  private announceTimer: NodeJS.Timeout | null = null;
  private countTimer: NodeJS.Timeout | null = null;
  /** The next load sends every connection its view (a change); otherwise only connections not yet sent one (joins). */
  private refreshAll = false;
  private lingerTimer: NodeJS.Timeout | null = null;
  private count = 0;
  private disposed = false;
  private activeShow: { id: number; userId: number } | null = null;
  private showPresence = "";

  constructor(
    readonly performerId: number,
    private readonly hub: RealtimeHub,
    private readonly instance = INSTANCE,
    private readonly onDisposed: () => void = () => undefined,
  ) {
    this.presenceTimer = setInterval(() => this.tick(), PRESENCE_EVERY_MS);
    this.presenceTimer.unref();
    this.started = this.start();
  }

  get size(): number {
    return this.members.size;
  }

  get viewerCount(): number {
    return this.count;
  }

  /** Adds a connection and sends it the room's current state; returns how to remove it. */
  async join(connection: FeedConnection): Promise<() => void> {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    const member: Member = { ...connection, ready: false, excluded: true, peerGone: false };
    this.members.set(connection.id, member);
    await this.started;
    // A load that starts after the join, so the new connection's first state is current; the
    // others' views did not change, so they are not sent it again.
    await this.queueLoad();
    if (!member.ready && this.members.has(member.id)) {
      // The room is gone (disabled) or the load failed: closing makes the browser try again later.
      member.close();
    }
    this.presenceChanged();
    if (member.ready) member.send("viewers", { count: this.count });
    return () => this.leave(connection.id);
  }

  /** Present: an included connection of the user that the performer has not reported gone. */
  presenceOf(userId: number): ViewerPresence {
    let held = false;
    for (const member of this.members.values()) {
      if (member.isOwner || member.user.id !== userId) continue;
      if (member.ready && !member.excluded && !member.peerGone) return "present";
      held = true;
    }
    return held ? "absent" : "unknown";
  }

  private leave(id: string): void {
    const member = this.members.get(id);
    if (!member || !this.members.delete(id)) return;
    if (!member.isOwner) {
      // The performer's browser stops sending video to a page whose room connection closed, even if
      // that page keeps its peer connection open: watching needs the connection that bills it.
      void publishRoomMessage(this.performerId, { t: "signal", to: "performer", from: { conn: id, userId: member.user.id }, data: { kind: "bye" } }).catch(
        (error) => console.error(`room feed ${this.performerId}: bye not sent`, error),
      );
    }
    this.presenceChanged();
    if (this.members.size === 0 && !this.disposed) {
      this.lingerTimer = setTimeout(() => this.dispose(), LINGER_MS);
      this.lingerTimer.unref();
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.onDisposed();
    clearInterval(this.presenceTimer);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    if (this.countTimer) clearTimeout(this.countTimer);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    for (const member of this.members.values()) member.close();
    this.members.clear();
    await this.started.catch(() => undefined);
    for (const stop of this.stops.splice(0)) stop();
    // Other instances drop our viewers now rather than after the TTL.
    await publishRoomMessage(this.performerId, { t: "presence", instance: this.instance, viewers: [] }).catch(() => undefined);
  }

  private async start(): Promise<void> {
    this.stops.push(await this.hub.subscribe(roomChannel(this.performerId), (message) => this.onRoomMessage(message as RoomMessage)));
    this.stops.push(
      await this.hub.subscribe(WALL_STATUS_CHANNEL, (message) => {
        if ((message as WallStatusEvent).performerId === this.performerId) void this.reload();
      }),
    );
    this.stops.push(
      this.hub.onResync(() => {
        void this.reload();
        this.announceSoon();
      }),
    );
  }

  /** Re-reads the state and sends every connection its view; calls made during a load share the next one. */
  reload(): Promise<void> {
    this.refreshAll = true;
    return this.queueLoad();
  }

  /** One load at a time, in order: a load asked for during another shares the next one. */
  private queueLoad(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.loadState().finally(() => {
        this.inFlight = null;
      });
      return this.inFlight;
    }
    this.queued ??= this.inFlight.then(() => {
      this.queued = null;
      return this.queueLoad();
    });
    return this.queued;
  }

  private async loadState(): Promise<void> {
    const all = this.refreshAll;
    this.refreshAll = false;
    let state: RoomState | null;
    try {
      state = await getRoomState(this.performerId);
    } catch (error) {
      console.error(`room feed ${this.performerId}: state load failed`, error);
      return;
    }
    if (!state) {
      for (const member of this.members.values()) member.close();
      return;
    }
    const active = state.shows.find((show) => show.status === "active");
    this.activeShow = active ? { id: active.id, userId: active.userId } : null;
    let presence = false;
    for (const member of this.members.values()) {
      if (!all && member.ready) continue;
      const view = viewRoomState(state, member.user);
      if (member.ready && !member.excluded && view.excluded) {
        // Someone else's private show started: this page goes back to the wall.
        member.send("kicked", { reason: "private_show" });
        member.close();
        this.members.delete(member.id);
        presence = true;
        continue;
      }
      if (member.excluded !== view.excluded) presence = true;
      member.excluded = view.excluded;
      member.ready = true;
      member.send("state", view);
    }
    if (presence) this.presenceChanged();
    else this.checkShowPresence();
  }

  private onRoomMessage(message: RoomMessage): void {
    switch (message.t) {
      case "refresh":
        void this.reload();
        return;
      case "chat":
        for (const member of this.included()) member.send("chat", message.message);
        return;
      case "tip":
        for (const member of this.included()) member.send("tip", message.tip);
        return;
      case "billing":
        for (const member of this.members.values()) {
          if (member.ready && (member.isOwner || member.user.id === message.userId)) member.send("billing", message.update);
        }
        return;
      case "signal":
        for (const member of this.included()) {
          if (member.id === message.from.conn) continue;
          const addressed =
            message.to === "performer" ? member.isOwner : message.to === "audience" ? !member.isOwner : member.id === message.to;
          if (addressed) member.send("signal", { from: message.from, data: message.data });
        }
        return;
      case "peer": {
        const member = this.members.get(message.conn);
        if (!member || member.isOwner) return;
        member.peerGone = !message.connected;
        this.checkShowPresence();
        return;
      }
      case "presence":
        if (message.instance === this.instance) return;
        if (!this.remote.has(message.instance) && message.viewers.length > 0) this.announceSoon();
        if (message.viewers.length === 0) this.remote.delete(message.instance);
        else this.remote.set(message.instance, { viewers: message.viewers, at: Date.now() });
        this.updateCount();
        return;
    }
  }

  private *included(): Generator<Member> {
    for (const member of this.members.values()) if (member.ready && !member.excluded) yield member;
  }

  private localViewers(): number[] {
    const ids = new Set<number>();
    for (const member of this.included()) if (!member.isOwner) ids.add(member.user.id);
    return [...ids];
  }

  /** Recounts soon: joins and leaves arriving together share one count and one event per connection. */
  private updateCount(): void {
    if (this.countTimer || this.disposed) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      this.sendCount();
    }, COUNT_EVERY_MS);
    this.countTimer.unref();
  }

  private sendCount(): void {
    const all = new Set(this.localViewers());
    for (const { viewers } of this.remote.values()) for (const id of viewers) all.add(id);
    if (all.size === this.count) return;
    this.count = all.size;
    recordViewerCount(this.performerId, this.count);
    for (const member of this.members.values()) if (member.ready) member.send("viewers", { count: this.count });
  }

  private presenceChanged(): void {
    this.updateCount();
    this.announceSoon();
    this.checkShowPresence();
  }

  private checkShowPresence(): void {
    const show = this.activeShow;
    const current = show ? `${show.id}:${this.presenceOf(show.userId)}` : "";
    if (current === this.showPresence) return;
    this.showPresence = current;
    for (const listener of showPresenceListeners) {
      try {
        listener(this.performerId);
      } catch (error) {
        console.error(`room feed ${this.performerId}: presence listener failed`, error);
      }
    }
  }

  private announceSoon(): void {
    if (this.announceTimer || this.disposed) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      void this.announce();
    }, 200);
    this.announceTimer.unref();
  }

  private async announce(): Promise<void> {
    if (this.disposed) return;
    await publishRoomMessage(this.performerId, { t: "presence", instance: this.instance, viewers: this.localViewers() }).catch((error) =>
      console.error(`room feed ${this.performerId}: presence not sent`, error),
    );
  }

  private tick(): void {
    const cutoff = Date.now() - PRESENCE_TTL_MS;
    for (const [instance, entry] of this.remote) if (entry.at < cutoff) this.remote.delete(instance);
    this.updateCount();
    void this.announce();
  }
}

/** Joins the instance's feed of a room, creating it for the first connection. */
export async function joinRoomFeed(performerId: number, connection: FeedConnection): Promise<() => void> {
  let feed = feeds.get(performerId);
  if (!feed) {
    const created = new RoomFeed(performerId, getRealtimeHub(), INSTANCE, () => {
      if (feeds.get(performerId) === created) feeds.delete(performerId);
    });
    feeds.set(performerId, created);
    feed = created;
  }
  return feed.join(connection);
}

/** Whether `userId` is watching `performerId`'s room through this instance. */
export function viewerPresence(performerId: number, userId: number): ViewerPresence {
  return feeds.get(performerId)?.presenceOf(userId) ?? "unknown";
}

/** Called with the room's performer id whenever its active show's viewer arrives or leaves on this instance. */
export function onShowPresenceChange(listener: ShowPresenceListener): () => void {
  showPresenceListeners.add(listener);
  return () => {
    showPresenceListeners.delete(listener);
  };
}
