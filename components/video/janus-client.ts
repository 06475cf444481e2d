// A small browser client for the Janus API over WebSocket (https://janus.conf.meetecho.com/docs/rest):
// one session, VideoRoom handles, requests matched to answers by transaction, events pushed to the
// handle they concern, keepalives. Only what publishing one feed and subscribing to it needs.

type JanusMessage = {
  janus: string;
  transaction?: string;
  sender?: number;
  session_id?: number;
  data?: { id: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: RTCSessionDescriptionInit;
};

export type PluginEvent = { data: Record<string, unknown>; jsep?: RTCSessionDescriptionInit };
export type HandleEvent = { janus: string; data?: Record<string, unknown>; jsep?: RTCSessionDescriptionInit };

export class JanusRequestError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = "JanusRequestError";
  }
}

const KEEPALIVE_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;

type Pending = { resolve: (message: JanusMessage) => void; reject: (error: Error) => void; untilEvent: boolean };

export class JanusSession {
  private readonly pending = new Map<string, Pending>();
  private readonly handles = new Map<number, (event: HandleEvent) => void>();
  private id = 0;
  private counter = 0;
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  onClose: () => void = () => undefined;

  private constructor(private readonly ws: WebSocket) {
    ws.onmessage = (event) => this.receive(JSON.parse(String(event.data)) as JanusMessage);
    ws.onclose = () => this.fail(new Error("The video server closed the connection."));
  }

  static async connect(url: string): Promise<JanusSession> {
    const ws = new WebSocket(url, "janus-protocol");
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error("The video server is not reachable."));
    });
    const session = new JanusSession(ws);
    const created = await session.send({ janus: "create" });
    session.id = created.data?.id ?? 0;
    session.keepalive = setInterval(() => void session.send({ janus: "keepalive" }).catch(() => undefined), KEEPALIVE_MS);
    return session;
  }

  async attach(onEvent: (event: HandleEvent) => void): Promise<JanusHandle> {
    const reply = await this.send({ janus: "attach", plugin: "janus.plugin.videoroom" });
    const id = reply.data?.id ?? 0;
    this.handles.set(id, onEvent);
    return new JanusHandle(this, id);
  }

  /** Sends a request; resolves with its answer (for plugin messages: the event after the ack). */
  send(body: Record<string, unknown>, untilEvent = false): Promise<JanusMessage> {
    if (this.closed) return Promise.reject(new Error("The video connection is closed."));
    const transaction = `t${++this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error("The video server did not answer."));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(transaction, {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        untilEvent,
      });
      this.ws.send(JSON.stringify({ ...body, transaction, ...(this.id ? { session_id: this.id } : {}) }));
    });
  }

  close(): void {
    if (this.closed) return;
    if (this.id) this.ws.send(JSON.stringify({ janus: "destroy", session_id: this.id, transaction: "bye" }));
    this.ws.close();
    this.fail(new Error("closed"));
  }

  private fail(error: Error): void {
    const wasOpen = !this.closed;
    this.closed = true;
    if (this.keepalive) clearInterval(this.keepalive);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    if (wasOpen) this.onClose();
  }

  private receive(message: JanusMessage): void {
    const pending = message.transaction ? this.pending.get(message.transaction) : undefined;
    if (pending && !(message.janus === "ack" && pending.untilEvent)) {
      this.pending.delete(message.transaction!);
      if (message.janus === "error") pending.reject(new JanusRequestError(message.error?.reason ?? "error", message.error?.code ?? 0));
      else pending.resolve(message);
      return;
    }
    if (message.sender) this.handles.get(message.sender)?.({ janus: message.janus, data: message.plugindata?.data, jsep: message.jsep });
  }
}

export class JanusHandle {
  constructor(
    private readonly session: JanusSession,
    readonly id: number,
  ) {}

  /** A VideoRoom request; the plugin's answer, or its error as a JanusRequestError. */
  async message(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<PluginEvent> {
    const reply = await this.session.send({ janus: "message", handle_id: this.id, body, ...(jsep ? { jsep } : {}) }, true);
    const data = reply.plugindata?.data ?? {};
    if (typeof data.error_code === "number") throw new JanusRequestError(String(data.error), data.error_code);
    return { data, jsep: reply.jsep };
  }

  trickle(candidate: RTCIceCandidate | null): void {
    void this.session.send({ janus: "trickle", handle_id: this.id, candidate: candidate ? candidate.toJSON() : { completed: true } }).catch(() => undefined);
  }
}
