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
  z.object({ kind: z.literal("full"), max: z.number().int().min(1).max(1000) }),
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

/** The performer's browser on its peer connection to one viewer connection (presence billing). */
export const ZPeerReport = z.object({ conn: ZConnection, connected: z.boolean() });
export type TPeerReport = z.output<typeof ZPeerReport>;

export const TIP_PRESETS = [10, 25, 50, 100] as const;

export const ZTipRequest = z.object({
  performerId: ZId,
  credits: z.int("A whole number of credits.").min(1, "At least 1 credit.").max(100_000, "At most 100000 credits."),
  /** One per confirmed tip, made by the browser: a repeated submit of the same tip pays once. */
  key: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "A tip key of 8 to 64 letters, digits or dashes."),
});
export type TTipRequest = z.output<typeof ZTipRequest>;

/** A tip-menu tip from the room: the item and the price the viewer confirmed. */
export const ZMenuTipRequest = ZTipRequest.extend({ menuItemId: ZId });

export const ZShowId = z.object({ showId: ZId });
export const ZPerformerId = z.object({ performerId: ZId });
export const ZPerformerStatus = z.object({ status: z.enum(["online", "offline"]) });

export const ZFollowRequest = z.object({ performerId: ZId, follow: z.boolean() });
/** The studio's camera beat (POST /api/studio/camera). */
export const ZStudioCamera = z.object({ live: z.boolean() });
export const ZSpiesAllowed = z.object({ allowed: z.boolean() });

export const ZGroupShowId = z.object({ groupShowId: ZId });
export const ZTicketShowId = z.object({ ticketShowId: ZId });

/** The studio's group-show form (strings from the form). */
export const ZOpenGroupForm = z.object({
  minViewers: z.string().regex(/^\d{1,4}$/, "A whole number.").transform(Number).pipe(z.int().min(1, "At least 1.").max(1000, "At most 1000.")),
  waitMinutes: z.string().regex(/^\d{1,2}$/, "A whole number of minutes.").transform(Number).pipe(z.int().min(1, "At least 1 minute.").max(60, "At most 60 minutes.")),
});

/** The studio's ticket-show form: startsAt as the browser's datetime-local value, in UTC. */
export const ZScheduleTicketForm = z.object({
  title: z.string().trim().min(1, "A title.").max(120, "At most 120 characters."),
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "A date and time.").transform((v) => new Date(`${v}:00Z`)).refine((d) => !Number.isNaN(d.getTime()), "Not a real time."),
  seats: z.string().regex(/^\d{0,6}$/, "A whole number, or empty for no limit.").transform((v) => (v === "" ? null : Number(v))),
});
export const ZTicketShowVerb = z.enum(["start", "end", "cancel"]);
