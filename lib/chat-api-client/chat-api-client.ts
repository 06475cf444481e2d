import { createHmac, randomUUID } from "node:crypto";

// A small client for the site's chat callback API (docs/chat-api.md), meant to be copied into a chat
// server: plain fetch and node:crypto, no other dependency. It signs every request (contract v1.1,
// `v2=`: the Idempotency-Key is part of the signed string), gives POST and PUT an Idempotency-Key, and
// returns the status and parsed JSON body.
//
//   const api = createChatApiClient({ baseUrl: "https://site.example", secret: process.env.CHAT_API_SECRET! });
//   const key = crypto.randomUUID();             // one key per operation; reuse it when retrying
//   const { status, body } = await api.request("POST", "/api/chat/v1/tips", { userId: 7, performerId: 3, credits: 50 }, { idempotencyKey: key });

export type ChatApiMethod = "GET" | "POST" | "PUT";

export type SignInput = {
  secret: string;
  /** Unix seconds. */
  timestamp: number | string;
  method: string;
  /** Path with query, exactly as it appears in the request line, e.g. "/api/chat/v1/performers?status=online". */
  path: string;
  /** The Idempotency-Key header sent, or null/undefined when the request carries none (signed as ""). */
  idempotencyKey?: string | null;
  /** The exact body text sent; "" for GET and for an empty body. */
  body: string;
};

/** The string that is signed (contract v1.1): five lines, "<timestamp>\n<METHOD>\n<path with query>\n<Idempotency-Key>\n<raw body>". */
export function signedString({ timestamp, method, path, idempotencyKey, body }: Omit<SignInput, "secret">): string {
  return `${timestamp}\n${method.toUpperCase()}\n${path}\n${idempotencyKey ?? ""}\n${body}`;
}

/** The X-Chat-Signature header value: "v2=" + lowercase hex HMAC-SHA256(secret, signedString). */
export function sign(input: SignInput): string {
  return `v2=${createHmac("sha256", input.secret).update(signedString(input), "utf8").digest("hex")}`;
}

export type RequestOptions = {
  /** Required for POST and PUT: generated when absent; pass your own to retry safely. null = send none. */
  idempotencyKey?: string | null;
  /** Override the clock (unix seconds). */
  timestamp?: number;
  /** Override the computed signature header (tests); null = send none. */
  signature?: string | null;
  /** Extra headers. */
  headers?: Record<string, string>;
};

export type ChatApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

export type ChatApiClientOptions = {
  /** Origin of the site, e.g. "https://site.example" (no trailing path). */
  baseUrl: string;
  secret: string;
  /** Defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
};

export function createChatApiClient({ baseUrl, secret, fetch: send = (r) => fetch(r) }: ChatApiClientOptions) {
  /** A signed Request. `body`: an object is sent as JSON; a string is sent as is (already JSON text). */
  function buildRequest(method: ChatApiMethod, path: string, body?: unknown, options: RequestOptions = {}): Request {
    const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers = new Headers(options.headers);
    if (text !== "") headers.set("content-type", "application/json");
    headers.set("x-chat-timestamp", String(timestamp));
    const key = options.idempotencyKey === undefined && method !== "GET" ? randomUUID() : options.idempotencyKey;
    if (key !== undefined && key !== null) headers.set("idempotency-key", key);
    const signature = options.signature === undefined ? sign({ secret, timestamp, method, path, idempotencyKey: key, body: text }) : options.signature;
    if (signature !== null) headers.set("x-chat-signature", signature);
    return new Request(new URL(path, baseUrl), { method, headers, body: method === "GET" ? undefined : text });
  }

  async function request<T = unknown>(method: ChatApiMethod, path: string, body?: unknown, options?: RequestOptions): Promise<ChatApiResponse<T>> {
    const response = await send(buildRequest(method, path, body, options));
    const text = await response.text();
    return { status: response.status, body: parseOrText(text) as T, headers: response.headers };
  }

  return { buildRequest, request };
}

export type ChatApiClient = ReturnType<typeof createChatApiClient>;

/** The API always answers JSON; anything else (a proxy's error page) comes back as text. */
function parseOrText(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
