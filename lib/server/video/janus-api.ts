import "server-only";
import { randomBytes } from "node:crypto";

// The few Janus HTTP API calls the site's server makes (https://janus.conf.meetecho.com/docs/rest):
// a short-lived session with one VideoRoom handle for synchronous room requests, and the admin API.
// Plain fetch: every call is one request and answer, so no client library is needed.

const TIMEOUT_MS = 3_000;

export class JanusError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = "JanusError";
  }
}

type JanusReply = {
  janus: string;
  data?: { id?: number } & Record<string, unknown>;
  error?: { code: number; reason: string };
  plugindata?: { data: Record<string, unknown> };
};

async function post(url: string, body: Record<string, unknown>, timeoutMs = TIMEOUT_MS): Promise<JanusReply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, transaction: randomBytes(8).toString("hex") }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new JanusError(`Janus answered HTTP ${response.status} at ${url}`);
  const reply = (await response.json()) as JanusReply;
  if (reply.janus === "error") throw new JanusError(reply.error?.reason ?? "Janus error", reply.error?.code);
  return reply;
}

/** Whether a Janus server answers at all (placement skips servers that do not). */
export async function janusIsUp(apiUrl: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl}/info`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

export type VideoRoomRequest = (body: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * Runs `work` with a VideoRoom handle on a fresh session, destroyed afterwards. Requests answered
 * synchronously by the plugin (create, destroy, allowed, kick, listparticipants, exists) only.
 */
export async function withVideoRoom<T>(apiUrl: string, work: (request: VideoRoomRequest) => Promise<T>): Promise<T> {
  const session = (await post(apiUrl, { janus: "create" })).data?.id;
  if (!session) throw new JanusError("Janus did not create a session");
  try {
    const handle = (await post(`${apiUrl}/${session}`, { janus: "attach", plugin: "janus.plugin.videoroom" })).data?.id;
    if (!handle) throw new JanusError("Janus did not attach the VideoRoom plugin");
    return await work(async (body) => {
      const reply = await post(`${apiUrl}/${session}/${handle}`, { janus: "message", body });
      const data = reply.plugindata?.data ?? {};
      if (data.videoroom === "event" && typeof data.error_code === "number") throw new JanusError(String(data.error), data.error_code);
      return data;
    });
  } finally {
    await post(`${apiUrl}/${session}`, { janus: "destroy" }).catch(() => undefined);
  }
}

/** One admin API request (https://janus.conf.meetecho.com/docs/admin). */
export async function janusAdmin(adminUrl: string, secret: string, body: Record<string, unknown>, path = ""): Promise<JanusReply & Record<string, unknown>> {
  return (await post(`${adminUrl}${path}`, { ...body, admin_secret: secret })) as JanusReply & Record<string, unknown>;
}

/** VideoRoom error codes the site reacts to. */
export const VIDEOROOM_NO_SUCH_ROOM = 426;
export const VIDEOROOM_NO_SUCH_FEED = 428;
export const VIDEOROOM_UNAUTHORIZED = 433;
