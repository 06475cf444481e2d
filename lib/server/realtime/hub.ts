import "server-only";
import pg from "pg";
import { PartAssembler } from "./payload";

export type RealtimeListener = (message: unknown) => void;

export type RealtimeHubOptions = {
  connectionString: string;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Longest wait between two reconnection attempts. */
  maxBackoffMs?: number;
  log?: (message: string, error?: unknown) => void;
};

type Channel = { listeners: Set<RealtimeListener> };

/**
 * One PostgreSQL connection per app instance that LISTENs for every channel this instance's
 * subscribers (SSE streams) care about, and fans each notification out to them. NOTIFY is sent by
 * whichever instance (or transaction) makes the change, so every instance sees every event with no
 * broker beside the database.
 *
 * If the connection drops, notifications sent meanwhile are lost: the hub reconnects with backoff,
 * LISTENs again, then calls the `onResync` callbacks so that subscribers reload the state they show
 * rather than trust a stream with a hole in it.
 */
export class RealtimeHub {
  private readonly channels = new Map<string, Channel>();
  private readonly resyncCallbacks = new Set<() => void>();
  private readonly assembler = new PartAssembler();
  private client: pg.Client | null = null;
  /** LISTENs issued on the current client, by channel: awaited so a subscriber never misses the first event. */
  private listening = new Map<string, Promise<void>>();
  /** The last statement sent on the current client: the next one waits for it (see send). */
  private tail: Promise<unknown> = Promise.resolve();
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempts = 0;
  private needsResync = false;
  private closed = false;

  constructor(private readonly options: RealtimeHubOptions) {}

  /** Starts delivering `channel`'s messages to `listener`; resolves once the LISTEN is in place. */
  async subscribe(channel: string, listener: RealtimeListener): Promise<() => void> {
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { listeners: new Set() };
      this.channels.set(channel, entry);
    }
    entry.listeners.add(listener);
    try {
      await this.ensureListening(channel);
    } catch (error) {
      // Not fatal: the reconnect loop LISTENs again and the resync callbacks fill the gap.
      this.log(`realtime: LISTEN ${channel} failed, will retry`, error);
    }
    return () => this.unsubscribe(channel, listener);
  }

  /** Called after a lost connection is back: events may have been missed, reload from the database. */
  onResync(callback: () => void): () => void {
    this.resyncCallbacks.add(callback);
    return () => this.resyncCallbacks.delete(callback);
  }

  get connected(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.channels.clear();
    await client?.end().catch(() => undefined);
  }

  private unsubscribe(channel: string, listener: RealtimeListener): void {
    const entry = this.channels.get(channel);
    if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
    this.channels.delete(channel);
    const client = this.client;
    if (client && this.listening.delete(channel)) {
      // Sent after any LISTEN already asked for, so a later re-subscribe's LISTEN wins.
      this.send(client, `UNLISTEN ${quoteIdentifier(channel)}`).catch(() => undefined);
    }
  }

  private async ensureListening(channel: string): Promise<void> {
    await this.connect();
    const client = this.client;
    if (!client || !this.channels.has(channel)) return;
    let listening = this.listening.get(channel);
    if (!listening) {
      listening = this.send(client, `LISTEN ${quoteIdentifier(channel)}`);
      this.listening.set(channel, listening);
      listening.catch(() => this.listening.get(channel) === listening && this.listening.delete(channel));
    }
    await listening;
  }

  /**
   * One statement at a time on the listening connection, in the order asked: node-postgres deprecates
   * overlapping queries on one client (pg 9 refuses them), and the order keeps LISTEN/UNLISTEN right.
   */
  private send(client: pg.Client, sql: string): Promise<void> {
    const sent = this.tail.then(() => client.query(sql)).then(() => undefined);
    this.tail = sent.catch(() => undefined);
    return sent;
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error("realtime: hub closed"));
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true, application_name: this.options.applicationName ?? "realtime-hub" });
    client.on("notification", (message) => this.dispatch(message.channel, message.payload ?? ""));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
    } catch (error) {
      client.removeAllListeners();
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
      this.needsResync = true;
      this.scheduleReconnect();
      throw error;
    }
    this.client = client;
    this.listening = new Map();
    this.tail = Promise.resolve();
    this.attempts = 0;
    await Promise.all([...this.channels.keys()].map((channel) => this.ensureListening(channel).catch(() => undefined)));
    if (this.needsResync) {
      this.needsResync = false;
      for (const callback of this.resyncCallbacks) {
        try {
          callback();
        } catch (error) {
          this.log("realtime: resync callback failed", error);
        }
      }
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = new Map();
    this.needsResync = true;
    this.log("realtime: listener connection lost, reconnecting", error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const delay = Math.min(this.options.maxBackoffMs ?? 5_000, 250 * 2 ** this.attempts);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Only worth a connection while someone listens; the next subscribe connects otherwise.
      if (this.channels.size > 0 || this.resyncCallbacks.size > 0) this.connect().catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }

  private dispatch(channel: string, payload: string): void {
    const entry = this.channels.get(channel);
    if (!entry) return;
    const text = this.assembler.accept(payload);
    if (text === null) return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.log(`realtime: ignoring a malformed message on ${channel}`);
      return;
    }
    for (const listener of [...entry.listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.log(`realtime: a ${channel} listener failed`, error);
      }
    }
  }

  private log(message: string, error?: unknown): void {
    (this.options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? "")))(message, error);
  }
}

/** Channel names are identifiers in LISTEN: quoted, so `room_12` stays case- and character-exact. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
