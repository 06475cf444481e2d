import { z } from "zod";

// What the browser may send to a room: chat lines, WebRTC signalling, tips and show actions.
// Objects strip unknown fields, so nothing beyond these shapes is ever relayed to other users.

export const CHAT_MAX_LENGTH = 500;
/** Chat lines per user in each CHAT_RATE_WINDOW_SECONDS window. */
export const CHAT_RATE_LIMIT = 5;
export const CHAT_RATE_WINDOW_SECONDS = 10;

const INT4_MAX = 2_147_483_647;
const ZId = z.int().min(1).max(INT4_MAX);

export const ZChatText = z
  .string()
  .trim()
  .min(1, "Write a message first.")
  .max(CHAT_MAX_LENGTH, `At most ${CHAT_MAX_LENGTH} characters.`);

export const ZChatRequest = z.object({ text: ZChatText });
export type TChatRequest = z.output<typeof ZChatRequest>;

/** A browser's offer or answer is a few KiB; the NOTIFY relay splits anything over 7 KB. */
const ZSdp = z.string().min(1).max(20_000);
const ZConnection = z.string().min(1).max(100);

export const ZSignalData = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hello") }),
  z.object({ kind: z.literal("ready") }),
  z.object({ kind: z.literal("bye") }),
  z.object({ kind: z.literal("offer"), sdp: ZSdp }),
  z.object({ kind: z.literal("answer"), sdp: ZSdp }),
  z.object({
    kind: z.literal("ice"),
    candidate: z.object({
      // Empty for the end-of-candidates marker.
      candidate: z.string().max(2_000),
      sdpMid: z.string().max(64).nullable(),
      sdpMLineIndex: z.int().min(0).max(64).nullable(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
]);

export const ZSignalRequest = z.object({
  /** The sender's own connection id (from the stream's welcome event). */
  from: ZConnection,
  /** "performer", "audience" (performer only) or a connection id. */
  to: ZConnection,
  data: ZSignalData,
});
export type TSignalRequest = z.output<typeof ZSignalRequest>;

export const TIP_PRESETS = [10, 25, 50, 100] as const;

export const ZTipRequest = z.object({
  performerId: ZId,
  credits: z.int("A whole number of credits.").min(1, "At least 1 credit.").max(100_000, "At most 100000 credits."),
  /** One per confirmed tip, made by the browser: a repeated submit of the same tip pays once. */
  key: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "A tip key of 8 to 64 letters, digits or dashes."),
});
export type TTipRequest = z.output<typeof ZTipRequest>;

export const ZShowId = z.object({ showId: ZId });
export const ZPerformerId = z.object({ performerId: ZId });
export const ZPerformerStatus = z.object({ status: z.enum(["online", "offline"]) });
