import { sign } from "@/lib/chat-api-client/chat-api-client";

// The bench signs like any integrator would: with the repository's copyable signing client.
export function signedHeaders(options: {
  secret: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  body: string;
  idempotencyKey?: string;
  timestamp?: number;
}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = sign({
    secret: options.secret, timestamp, method: options.method, path: options.path, idempotencyKey: options.idempotencyKey, body: options.body,
  });
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-chat-timestamp": String(timestamp),
    "x-chat-signature": signature,
  };
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  return headers;
}
