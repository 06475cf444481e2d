import "server-only";
import { randomBytes } from "node:crypto";

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more, and a WebRTC offer (SDP) can come close
// to that. A message too long for one notification goes out as several parts sent together, each
// `~<id>:<index>:<count>:<text>`; JSON never starts with `~`, so a single-part message is plain JSON.

/** Bytes of message text per notification: below PostgreSQL's 8000-byte limit with room for the part header. */
export const PART_BYTES = 7_000;
/** Anything longer is a bug or an abuse: the signalling and chat schemas stay far below it. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const PART = /^~([0-9a-f]{16}):(\d+):(\d+):/;

export function encodeNotification(text: string): string[] {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_MESSAGE_BYTES) throw new Error(`realtime: message of ${bytes} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit.`);
  if (bytes <= PART_BYTES) return [text];
  const chunks: string[] = [];
  let current = "";
  let size = 0;
  // By code point, so a multi-byte character is never cut in two.
  for (const char of text) {
    const charBytes = Buffer.byteLength(char);
    if (size + charBytes > PART_BYTES) {
      chunks.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += charBytes;
  }
  if (current) chunks.push(current);
  const id = randomBytes(8).toString("hex");
  return chunks.map((chunk, index) => `~${id}:${index}:${chunks.length}:${chunk}`);
}

type Pending = { parts: (string | undefined)[]; received: number; firstAt: number };

/** Puts parted messages back together; a message whose parts never all arrive is dropped after `ttlMs`. */
export class PartAssembler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly ttlMs = 30_000) {}

  /** The whole message text once complete; null while parts are missing or for a malformed part. */
  accept(payload: string, now = Date.now()): string | null {
    const match = PART.exec(payload);
    if (!match) return payload;
    this.expire(now);
    const [header, id, indexText, countText] = match as unknown as [string, string, string, string];
    const index = Number(indexText);
    const count = Number(countText);
    if (count < 1 || count > 64 || index >= count) return null;
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { parts: new Array<string | undefined>(count).fill(undefined), received: 0, firstAt: now };
      this.pending.set(id, entry);
    }
    if (entry.parts.length !== count || entry.parts[index] !== undefined) return null;
    entry.parts[index] = payload.slice(header.length);
    entry.received += 1;
    if (entry.received < count) return null;
    this.pending.delete(id);
    return entry.parts.join("");
  }

  get size(): number {
    return this.pending.size;
  }

  private expire(now: number): void {
    for (const [id, entry] of this.pending) if (now - entry.firstAt > this.ttlMs) this.pending.delete(id);
  }
}
