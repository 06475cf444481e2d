import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";

const KEY = /^[\x20-\x7E]{1,255}$/;

/** API.md: every POST and PUT carries `Idempotency-Key: <1..255 printable ASCII>`; missing or malformed → 400. */
export function readIdempotencyKey(headers: Headers): string {
  const key = headers.get("idempotency-key");
  if (key === null) throw new AppError("idempotency_key_required", "This request needs an Idempotency-Key header.");
  if (!KEY.test(key)) {
    throw new AppError("idempotency_key_required", "The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
  }
  return key;
}

/** What makes two requests "the same request": method, path with query and raw body (not the timestamp). */
export function requestFingerprint(method: string, path: string, body: Uint8Array): string {
  return createHash("sha256").update(`${method}\n${path}\n`).update(body).digest("hex");
}
