import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

/** How far X-Chat-Timestamp may be from the server clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignedRequest = {
  secret: string;
  /** Upper case, as received. */
  method: string;
  /** Pathname + search of the request URL, as received. */
  path: string;
  /** The Idempotency-Key header as received, or null when absent (signed as the empty string). */
  idempotencyKey: string | null;
  /** The raw body bytes; empty for GET. */
  body: Uint8Array;
  timestamp: string | null;
  signature: string | null;
  now: Date;
};

// API.md "Transport" (contract v1.1): X-Chat-Signature = "v2=" + lowercase hex HMAC-SHA256(secret,
// "<timestamp>\n<METHOD>\n<path with query>\n<Idempotency-Key or "">\n<raw body>"). The key is signed so a
// captured request can only be replayed with its own key, which answers the stored first response and
// changes nothing. The HMAC runs over the body's bytes, so a body that is not even valid UTF-8 is still
// authenticated before anything parses it. Still one HMAC per request: the key adds a few bytes.
//
// The MAC is checked before the clock: only an authentic request learns that its timestamp is stale
// (a clock-skew hint for the real chat server), a forger learns nothing. This module is deliberately
// independent of lib/chat-api-client, so the tests cross-check two implementations.
export function verifySignature(request: SignedRequest): void {
  const { timestamp, signature } = request;
  if (timestamp === null || !/^[0-9]{1,15}$/.test(timestamp)) throw invalid("X-Chat-Timestamp is missing or not a number of seconds.");
  const header = signature?.trim() ?? "";
  if (/^v1=/i.test(header)) {
    throw invalid("v1 signatures are no longer accepted: sign with v2 (timestamp, method, path with query, Idempotency-Key and body, joined by newlines; see docs/chat-api.md).");
  }
  const match = /^v2=([0-9a-fA-F]{64})$/.exec(header);
  if (!match) throw invalid("X-Chat-Signature is missing or not of the form v2=<64 hex digits>.");
  const expected = createHmac("sha256", request.secret)
    .update(`${timestamp}\n${request.method}\n${request.path}\n${request.idempotencyKey ?? ""}\n`)
    .update(request.body)
    .digest();
  const given = Buffer.from(match[1]!, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid("The signature does not match the request.");
  const skew = Math.abs(request.now.getTime() / 1000 - Number(timestamp));
  if (skew > SIGNATURE_TOLERANCE_SECONDS) {
    throw new AppError("stale_timestamp", `X-Chat-Timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s from the server clock.`);
  }
}

function invalid(message: string): AppError {
  return new AppError("invalid_signature", message);
}
