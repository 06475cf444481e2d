import { z } from "zod";

// Request and response bodies of the chat callback API (/work/shared/API.md, contract v1). The route
// handlers parse requests with these, check their responses against these, and the OpenAPI document
// (lib/server/chat-api/openapi.ts) is generated from them: one source, so the three cannot drift.
//
// Top-level schemas are registered under the name they get in the OpenAPI document's components:
// requests in `chatApiRequests` (described as input: unknown fields are accepted and ignored),
// responses in `chatApiResponses` (described as output: exactly these fields). Field descriptions are
// plain `.meta({ description })`.

type TComponentMeta = { id: string; description?: string };
export const chatApiRequests = z.registry<TComponentMeta>();
export const chatApiResponses = z.registry<TComponentMeta>();

const INT4_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------------------------------
// Building blocks

/** A database id: a positive integer that fits the seed tables' int columns. */
export const ZId = z.int().min(1).max(INT4_MAX);

/** A path parameter `{id}`: decimal digits that make a valid id. */
export const ZIdParam = z
  .string()
  .regex(/^[0-9]+$/, "must be a positive integer")
  .transform(Number)
  .pipe(ZId);

const ZCredits = z.int().meta({ description: "Whole credits." });
const ZMoney = z
  .string()
  .regex(/^-?[0-9]+(\.[0-9]+)?$/, "must be a decimal string")
  .meta({ description: "An amount of money in the site's currency, as a decimal string (e.g. \"1.667\"), never a float." });
const ZTime = z.iso.datetime().meta({ description: "ISO-8601 UTC time." });

export const ZWallStatus = z.enum(["online", "offline", "busy"]).meta({ description: "busy = in an active private show." });
export const ZShowStatus = z.enum(["requested", "active", "ended", "declined", "cancelled"]);
export const ZEndReason = z.enum(["user_left", "performer_left", "disconnected", "credits_exhausted", "timeout", "show_ended"]);
export const ZClientEndReason = z.enum(["user_left", "performer_left", "disconnected"]);

// ---------------------------------------------------------------------------------------------------
// Requests

export const ZIdParams = z.object({ id: ZIdParam });
export type TIdParams = z.output<typeof ZIdParams>;

export const ZPerformersQuery = z
  .object({ status: ZWallStatus.optional() })
  .register(chatApiRequests, { id: "PerformersQuery", description: "Query of GET /performers." });
export type TPerformersQuery = z.output<typeof ZPerformersQuery>;

/** accept, decline, cancel and heartbeat take no parameters: an empty body or `{}`. */
export const ZNoParamsBody = z
  .object({})
  .optional()
  .register(chatApiRequests, { id: "NoParamsRequest", description: "An empty body or {}." });

export const ZSetPerformerStatusRequest = z
  .object({ status: z.enum(["online", "offline"]) })
  .register(chatApiRequests, { id: "SetPerformerStatusRequest", description: "Going offline during a show ends it (reason performer_left)." });
export type TSetPerformerStatusRequest = z.output<typeof ZSetPerformerStatusRequest>;

export const ZCreateShowRequest = z
  .object({ userId: ZId, performerId: ZId })
  .register(chatApiRequests, { id: "CreateShowRequest", description: "A viewer asks a performer for a private show." });
export type TCreateShowRequest = z.output<typeof ZCreateShowRequest>;

export const ZStartSpyingRequest = z
  .object({ userId: ZId })
  .register(chatApiRequests, { id: "StartSpyingRequest", description: "A viewer starts watching a running private show unseen, at the performer's spy rate." });

export const ZSetSpyingRequest = z
  .object({ allowed: z.boolean() })
  .register(chatApiRequests, { id: "SetSpyingRequest", description: "The performer's switch for this show; false also ends the spies watching now (reason performer_left)." });

export const ZEndShowRequest = z
  .object({ reason: ZClientEndReason })
  .register(chatApiRequests, { id: "EndShowRequest", description: "Why the chat ended the show." });
export type TEndShowRequest = z.output<typeof ZEndShowRequest>;

export const ZHeartbeatsRequest = z
  .object({
    showIds: z
      .array(ZId)
      .min(1)
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, "must not repeat an id")
      .meta({ description: "1..1000 distinct show ids; results come back in this order.", uniqueItems: true }),
  })
  .register(chatApiRequests, { id: "HeartbeatsRequest", description: "Many shows' heartbeats in one request." });
export type THeartbeatsRequest = z.output<typeof ZHeartbeatsRequest>;

export const ZSendTipRequest = z
  .object({ userId: ZId, performerId: ZId, credits: z.int().min(1).max(100_000) })
  .register(chatApiRequests, { id: "SendTipRequest", description: "A viewer tips a performer." });
export type TSendTipRequest = z.output<typeof ZSendTipRequest>;

export const ZSendMenuTipRequest = z
  .object({ userId: ZId, performerId: ZId, menuItemId: ZId })
  .register(chatApiRequests, { id: "SendMenuTipRequest", description: "A viewer tips an item of the performer's tip menu (its price in credits)." });

export const ZOpenGroupShowRequest = z
  .object({ minViewers: z.int().min(1).max(1000), waitSeconds: z.int().min(60).max(3600) })
  .register(chatApiRequests, { id: "OpenGroupShowRequest", description: "The performer opens a group show at their group rate." });

export const ZUserIdRequest = z.object({ userId: ZId }).register(chatApiRequests, { id: "UserIdRequest", description: "The viewer acting." });

export const ZScheduleTicketShowRequest = z
  .object({ title: z.string().trim().min(1).max(120), startsAt: z.iso.datetime(), seats: z.int().min(1).max(100_000).nullable().optional() })
  .register(chatApiRequests, { id: "ScheduleTicketShowRequest", description: "The performer schedules a ticket show at their ticket price." });

// ---------------------------------------------------------------------------------------------------
// Responses

export const ZError = z
  .object({
    error: z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]*$/).meta({ description: "snake_case code, stable; see the error table." }),
      message: z.string().meta({ description: "A human sentence; for invalid_request it names the field." }),
    }),
  })
  .register(chatApiResponses, { id: "Error", description: "Every error response." });
export type TError = z.output<typeof ZError>;

export const ZWallPerformer = z
  .object({
    id: ZId,
    username: z.string(),
    displayName: z.string(),
    image: z.url().nullable().meta({ description: "Absolute URL of the wall photo (on the site's public URL, APP_URL), or null." }),
    status: ZWallStatus,
    ratePerMinute: ZCredits,
  })
  .register(chatApiResponses, { id: "Performer", description: "A performer as the wall shows it." });
export type TWallPerformer = z.output<typeof ZWallPerformer>;

export const ZPerformersResponse = z
  .object({ performers: z.array(ZWallPerformer).meta({ description: "Online first, then busy, then offline." }) })
  .register(chatApiResponses, { id: "PerformersResponse" });

export const ZPerformerResponse = z.object({ performer: ZWallPerformer }).register(chatApiResponses, { id: "PerformerResponse" });

export const ZUserStatus = z
  .object({
    id: ZId,
    username: z.string(),
    role: z.enum(["viewer", "performer", "admin"]),
    credits: ZCredits,
    canRequestPrivate: z.boolean().meta({
      description: "Viewer, not blocked, no active show, credits >= the lowest online performer's ratePerMinute.",
    }),
    activeShowId: ZId.nullable(),
  })
  .register(chatApiResponses, { id: "UserStatus" });
export type TUserStatus = z.output<typeof ZUserStatus>;

export const ZUserResponse = z.object({ user: ZUserStatus }).register(chatApiResponses, { id: "UserResponse" });

export const ZShow = z
  .object({
    id: ZId,
    userId: ZId,
    performerId: ZId,
    status: ZShowStatus,
    kind: z.enum(["private", "spy", "group"]).meta({
      description: "private: a viewer's private show; spy: a viewer watching one unseen (parentShowId); group: a viewer's seat in a group show. All billed by the same rule.",
    }),
    parentShowId: ZId.nullable().meta({ description: "The private show a spy session watches; null for a private show." }),
    ratePerMinute: ZCredits.meta({ description: "The performer's rate when the show was requested." }),
    minimumSeconds: z.int().min(0).meta({
      description: "The performer's minimum private-show length when the show was requested (0 when none): owed = ceil(max(secondsBilled, minimumSeconds) × ratePerMinute / 60), charged from the accept on.",
    }),
    requestedAt: ZTime,
    startedAt: ZTime.nullable(),
    endedAt: ZTime.nullable(),
    endReason: ZEndReason.nullable(),
    secondsBilled: z.int().min(0),
    creditsCharged: z.int().min(0),
  })
  .register(chatApiResponses, { id: "Show", description: "A private show." });
export type TShow = z.output<typeof ZShow>;

export const ZShowResponse = z.object({ show: ZShow }).register(chatApiResponses, { id: "ShowResponse" });

const ZBalance = z.object({ id: ZId, credits: ZCredits }).meta({ description: "The viewer's balance after the operation." });

export const ZHeartbeatResponse = z
  .object({
    show: ZShow,
    user: ZBalance,
    secondsRemaining: z.int().min(0).meta({ description: "Seconds the balance still pays for at the show's rate." }),
  })
  .register(chatApiResponses, { id: "HeartbeatResponse", description: "If show.status is ended, the chat must close the private session." });
export type THeartbeatResponse = z.output<typeof ZHeartbeatResponse>;

export const ZHeartbeatResult = z
  .union([
    z.object({
      showId: ZId,
      status: ZShowStatus,
      endReason: ZEndReason.nullable(),
      creditsCharged: z.int().min(0),
      secondsRemaining: z.int().min(0),
      userCredits: ZCredits,
    }),
    z.object({ showId: ZId, error: ZError.shape.error }),
  ])
  .register(chatApiResponses, { id: "HeartbeatResult", description: "One show's billing step, or its own error." });
export type THeartbeatResult = z.output<typeof ZHeartbeatResult>;

export const ZHeartbeatsResponse = z
  .object({ results: z.array(ZHeartbeatResult).meta({ description: "In the order of the request's showIds." }) })
  .register(chatApiResponses, { id: "HeartbeatsResponse" });

export const ZTip = z
  .object({ id: ZId, credits: z.int().min(1), price: ZMoney, performerBenefit: ZMoney, date: ZTime })
  .register(chatApiResponses, { id: "Tip" });
export type TTip = z.output<typeof ZTip>;

export const ZTipResponse = z.object({ tip: ZTip, user: ZBalance }).register(chatApiResponses, { id: "TipResponse" });
export type TTipResponse = z.output<typeof ZTipResponse>;

export const ZSpiesResponse = z
  .object({ showId: ZId, spies: z.int().min(0).meta({ description: "Spy sessions active on the private show now." }) })
  .register(chatApiResponses, { id: "SpiesResponse" });

export const ZTipMenuItem = z.object({ id: ZId, label: z.string(), credits: z.int().min(1) }).register(chatApiResponses, { id: "TipMenuItem" });
export const ZTipMenuResponse = z.object({ items: z.array(ZTipMenuItem) }).register(chatApiResponses, { id: "TipMenuResponse" });

export const ZGoal = z
  .object({
    id: ZId,
    title: z.string(),
    target: z.int().min(1),
    collected: z.int().min(0).meta({ description: "Credits of the tips that counted towards it." }),
    status: z.enum(["active", "reached", "cancelled"]),
  })
  .register(chatApiResponses, { id: "Goal", description: "A performer's goal: every tip to the performer counts towards the running one." });
export const ZGoalResponse = z.object({ goal: ZGoal.nullable() }).register(chatApiResponses, { id: "GoalResponse" });

export const ZMenuTipResponse = z
  .object({
    tip: ZTip.extend({ item: z.string().meta({ description: "The tip-menu item's label." }) }),
    user: ZBalance,
    goal: ZGoal.nullable().meta({ description: "The goal the tip counted towards, after it; null when none runs." }),
  })
  .register(chatApiResponses, { id: "MenuTipResponse" });

export const ZGroupShow = z
  .object({
    id: ZId, performerId: ZId, ratePerMinute: ZCredits, minViewers: z.int().min(1),
    status: z.enum(["waiting", "running", "ended", "cancelled"]),
    openedAt: ZTime, startBy: ZTime.meta({ description: "Started by then with minViewers payers, or cancelled: nobody pays." }),
    startedAt: ZTime.nullable(), endedAt: ZTime.nullable(),
    seats: z.array(ZShow).meta({ description: "One Show of kind group per viewer who joined: requested while waiting, active from the start, billed like any show." }),
  })
  .register(chatApiResponses, { id: "GroupShow" });
export const ZGroupShowResponse = z.object({ groupShow: ZGroupShow }).register(chatApiResponses, { id: "GroupShowResponse" });

export const ZTicketShow = z
  .object({
    id: ZId, performerId: ZId, title: z.string(), price: ZCredits, startsAt: ZTime, seats: z.int().nullable(), sold: z.int().min(0),
    status: z.enum(["scheduled", "live", "ended", "cancelled"]),
    startedAt: ZTime.nullable(), endedAt: ZTime.nullable(), cancelReason: z.string().nullable(),
    holders: z.array(ZId).meta({ description: "Viewers holding a ticket (not refunded): only they stay in the room while it is live." }),
  })
  .register(chatApiResponses, { id: "TicketShow" });
export const ZTicketShowResponse = z.object({ ticketShow: ZTicketShow }).register(chatApiResponses, { id: "TicketShowResponse" });

export const ZTicketResponse = z
  .object({ ticket: z.object({ id: ZId, ticketShowId: ZId, userId: ZId, price: ZCredits, boughtAt: ZTime }), user: ZBalance })
  .register(chatApiResponses, { id: "TicketResponse" });
