import "server-only";
import { createHash } from "node:crypto";

/** Who chose an idempotency key: each chooser gets its own namespace in the ledger. */
export type KeySource = "chat-api-tip" | "room-tip" | "admin-adjustment";

const MAX_KEY_LENGTH = 255;

/**
 * The ledger idempotency key of an operation keyed by a caller: `<source>:<userId>:<key>`. The
 * source and the user come first and the user id ends at the first `:` after the source, so no two
 * (source, user, key) triples share a ledger key: a room tip can never meet a chat-API tip, and one
 * user's key can never reach another user's effect, whatever characters the caller's key holds.
 * Ledger keys the site derives itself (`tip:<id>`, `show:…`, `paypal:…`) start with none of these
 * sources. A key that would not fit the column is replaced by its SHA-256 under `<source>-sha256`.
 */
export function callerLedgerKey(source: KeySource, userId: number, key: string): string {
  const plain = `${source}:${userId}:${key}`;
  if (plain.length <= MAX_KEY_LENGTH) return plain;
  return `${source}-sha256:${userId}:${createHash("sha256").update(key).digest("hex")}`;
}

/** The ledger key of a show's billing step: unique per step because creditsCharged only grows, so a replay cannot charge twice. */
export function showChargeKey(showId: number, creditsCharged: number): string {
  return `show:${showId}:charged:${creditsCharged}`;
}
