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
  /** The raw body bytes; empty for GET. */
  body: Uint8Array;
  timestamp: string | null;
  signature: string | null;
  now: Date;
};

// API.md "Transport": X-Chat-Signature = "v1=" + lowercase hex HMAC-SHA256(secret,
// "<timestamp>.<METHOD>.<path with query>.<raw body>"). The HMAC runs over the body's bytes, so a body
// that is not even valid UTF-8 is still authenticated before anything parses it.
//
// The MAC is checked before the clock: only an authentic request learns that its timestamp is stale
// (a clock-skew hint for the real chat server), a forger learns nothing. This module is deliberately
// independent of lib/chat-api-client, so the tests cross-check two implementations.
export function verifySignature(request: SignedRequest): void {
  const { timestamp, signature } = request;
  if (timestamp === null || !/^[0-9]{1,15}$/.test(timestamp)) throw invalid("X-Chat-Timestamp is missing or not a number of seconds.");
  const match = signature === null ? null : /^v1=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (!match) throw invalid("X-Chat-Signature is missing or not of the form v1=<64 hex digits>.");
  const expected = createHmac("sha256", request.secret)
    .update(`${timestamp}.${request.method}.${request.path}.`)
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
