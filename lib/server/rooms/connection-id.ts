import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { loadEnv } from "@/lib/env";

// Each open room page (SSE connection) gets an id that names its user and is signed by the site:
// `<userId>.<nonce>.<mac>`. WebRTC messages are addressed to a connection, not a user (one person
// may have two tabs open), and any app instance can check who a connection belongs to — and so
// authorise a message to it — without knowing which instance holds it.

const ID = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{22})$/;

function mac(text: string): Buffer {
  return createHmac("sha256", `room-connection:${loadEnv().AUTH_SECRET}`).update(text).digest().subarray(0, 16);
}

export function issueConnectionId(userId: number): string {
  const nonce = randomBytes(9).toString("base64url");
  return `${userId}.${nonce}.${mac(`${userId}.${nonce}`).toString("base64url")}`;
}

/** The user a connection id was issued to, or null when it is not one the site issued. */
export function connectionUser(connectionId: string): number | null {
  const match = ID.exec(connectionId);
  if (!match) return null;
  const [, userId, nonce, given] = match as unknown as [string, string, string, string];
  const expected = mac(`${userId}.${nonce}`);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return Number(userId);
}
