import "server-only";
import { z } from "zod";
import { ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import {
  chatApiRequests, chatApiResponses, ZCreateShowRequest, ZEndShowRequest, ZHeartbeatResponse, ZHeartbeatsRequest,
  ZHeartbeatsResponse, ZId, ZNoParamsBody, ZPerformerResponse, ZPerformersQuery, ZPerformersResponse,
  ZSendTipRequest, ZSetPerformerStatusRequest, ZSetSpyingRequest, ZShowResponse, ZSendMenuTipRequest, ZMenuTipResponse, ZTipMenuResponse, ZGoalResponse,
  ZOpenGroupShowRequest, ZGroupShowResponse, ZUserIdRequest, ZScheduleTicketShowRequest, ZTicketShowResponse, ZTicketResponse, ZSpiesResponse, ZStartSpyingRequest, ZTipResponse, ZUserResponse,
} from "@/lib/validations/chat-api";
import { MAX_BODY_BYTES } from "./read-body";
import { SIGNATURE_TOLERANCE_SECONDS } from "./verify-signature";

// The OpenAPI 3.1 description of /api/chat/v1, generated from the zod schemas of
// lib/validations/chat-api.ts with zod's own z.toJSONSchema. The endpoint table below adds what a
// schema cannot say: the path, the success status and the error codes each endpoint can answer.

type Endpoint = {
  method: "get" | "post" | "put";
  path: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  request?: z.ZodType;
  /** The body may be empty (accept, decline, cancel, heartbeat). */
  emptyBodyAllowed?: boolean;
  success: { status: 200 | 201; schema: z.ZodType; description: string };
  /** Error codes of the endpoint itself; the transport's codes are added for every endpoint. */
  errors: AppErrorCode[];
};

const showById = (verb: string, summary: string, description: string, errors: AppErrorCode[], success = ZShowResponse): Endpoint => ({
  method: "post", path: `/shows/{id}/${verb}`, summary, description, request: ZNoParamsBody, emptyBodyAllowed: true,
  success: { status: 200, schema: success, description: "The show after the step." }, errors: ["not_found", ...errors],
});

export const CHAT_API_ENDPOINTS: Endpoint[] = [
  {
    method: "get", path: "/performers", summary: "The wall: performers and their status",
    description: "Ordered online first, then busy, then offline.", query: ZPerformersQuery,
    success: { status: 200, schema: ZPerformersResponse, description: "The performers." }, errors: ["invalid_request"],
  },
  {
    method: "put", path: "/performers/{id}/status", summary: "Set a performer online or offline",
    description: "A performer in an active show stays busy until it ends; going offline during a show ends it (reason performer_left).",
    request: ZSetPerformerStatusRequest,
    success: { status: 200, schema: ZPerformerResponse, description: "The performer as the wall now shows it." },
    errors: ["not_found", "invalid_request"],
  },
  {
    method: "get", path: "/users/{id}", summary: "A user's status: role, credits, whether they can request a private show",
    success: { status: 200, schema: ZUserResponse, description: "The user." }, errors: ["not_found", "invalid_request"],
  },
  {
    method: "post", path: "/shows", summary: "Request a private show", request: ZCreateShowRequest,
    success: { status: 201, schema: ZShowResponse, description: "The show, status requested." },
    errors: ["insufficient_credits", "account_blocked", "account_on_hold", "not_found", "performer_unavailable", "show_in_progress", "invalid_request"],
  },
  showById("accept", "The performer accepts a requested show", "Starts billing; the performer becomes busy. Re-checks the viewer's credits.", [
    "insufficient_credits", "account_blocked", "account_on_hold", "invalid_transition", "performer_unavailable",
  ]),
  showById("decline", "The performer declines a requested show", "Status becomes declined.", ["invalid_transition"]),
  showById("cancel", "The viewer withdraws a request", "Status becomes cancelled.", ["invalid_transition"]),
  showById("heartbeat", "Bill an active show up to now", "Expected every 10 s; a show with no heartbeat for 45 s is ended (reason timeout). If the balance ran out, the show is ended (reason credits_exhausted) and the chat must close the private session.", ["invalid_transition"], ZHeartbeatResponse),
  {
    method: "post", path: "/heartbeats", summary: "Heartbeats of many shows in one request",
    description: "The same billing step as /shows/{id}/heartbeat for each show, in the order given. An unknown or non-active show is reported in its own result and does not fail the others.",
    request: ZHeartbeatsRequest,
    success: { status: 200, schema: ZHeartbeatsResponse, description: "One result per show id." }, errors: ["invalid_request"],
  },
  {
    method: "post", path: "/shows/{id}/end", summary: "End a show", request: ZEndShowRequest,
    description: "Bills up to the end time. Ending an ended show returns it unchanged.",
    success: { status: 200, schema: ZShowResponse, description: "The ended show." }, errors: ["not_found", "invalid_transition", "invalid_request"],
  },
  {
    method: "post", path: "/shows/{id}/spies", summary: "A viewer starts spying on a running private show", request: ZStartSpyingRequest,
    description: "Creates a spy session (a Show of kind spy, active from now) at the performer's spy rate, billed by the same rule and heartbeats as any show; end it with /shows/{spyId}/end. It ends by itself with the private show (reason show_ended). Needs credits for one minute at the spy rate. Spies may not chat.",
    success: { status: 201, schema: ZShowResponse, description: "The spy session." },
    errors: ["insufficient_credits", "not_found", "invalid_transition", "show_in_progress", "spying_disabled", "invalid_request"],
  },
  {
    method: "get", path: "/shows/{id}/spies", summary: "How many spies watch a private show",
    success: { status: 200, schema: ZSpiesResponse, description: "The count." }, errors: ["not_found", "invalid_request"],
  },
  {
    method: "put", path: "/shows/{id}/spying", summary: "The performer allows or forbids spies on this show", request: ZSetSpyingRequest,
    success: { status: 200, schema: ZShowResponse, description: "The private show." }, errors: ["not_found", "invalid_transition", "invalid_request"],
  },
  {
    method: "post", path: "/performers/{id}/group-shows", summary: "The performer opens a group show", request: ZOpenGroupShowRequest,
    description: "At the performer's group rate, for at least minViewers viewers who may join for waitSeconds. Not started by then: cancelled, nobody pays.",
    success: { status: 201, schema: ZGroupShowResponse, description: "The group show, waiting." },
    errors: ["not_found", "performer_unavailable", "conflict", "invalid_request"],
  },
  {
    method: "get", path: "/group-shows/{id}", summary: "A group show and its seats",
    success: { status: 200, schema: ZGroupShowResponse, description: "The group show." }, errors: ["not_found", "invalid_request"],
  },
  {
    method: "post", path: "/group-shows/{id}/join", summary: "A viewer joins a waiting group show", request: ZUserIdRequest,
    description: "Creates the viewer's seat (a Show of kind group, requested). Nothing is charged before the start; leave with /shows/{seatId}/cancel, or /end once running. Heartbeats bill a running seat like any show.",
    success: { status: 201, schema: ZShowResponse, description: "The seat." },
    errors: ["insufficient_credits", "not_found", "invalid_transition", "show_in_progress", "invalid_request"],
  },
  {
    method: "post", path: "/group-shows/{id}/start", summary: "The performer starts a waiting group show", request: ZNoParamsBody, emptyBodyAllowed: true,
    description: "Seats whose viewer cannot pay a minute are cancelled (sent away: close their session); the others become active and are billed from now. Fewer payers than minViewers: 409 group_minimum_not_reached, nothing changes.",
    success: { status: 200, schema: ZGroupShowResponse, description: "The group show, running." },
    errors: ["not_found", "invalid_transition", "group_minimum_not_reached"],
  },
  {
    method: "post", path: "/group-shows/{id}/end", summary: "The performer ends a group show", request: ZNoParamsBody, emptyBodyAllowed: true,
    description: "Waiting: cancelled, nobody pays. Running: every active seat is billed up to now and ended (reason performer_left). Ending an ended one returns it.",
    success: { status: 200, schema: ZGroupShowResponse, description: "The group show." }, errors: ["not_found"],
  },
  {
    method: "post", path: "/performers/{id}/ticket-shows", summary: "The performer schedules a ticket show", request: ZScheduleTicketShowRequest,
    description: "At the performer's ticket price. Not started within 15 minutes after startsAt, or cancelled: every ticket is refunded, exactly once.",
    success: { status: 201, schema: ZTicketShowResponse, description: "The ticket show, scheduled." }, errors: ["not_found", "invalid_request"],
  },
  {
    method: "get", path: "/ticket-shows/{id}", summary: "A ticket show and its ticket holders",
    success: { status: 200, schema: ZTicketShowResponse, description: "The ticket show." }, errors: ["not_found", "invalid_request"],
  },
  {
    method: "post", path: "/ticket-shows/{id}/tickets", summary: "A viewer buys a ticket", request: ZUserIdRequest,
    description: "One debit of the show's price; a viewer holding a ticket gets it back unchanged. Sold while scheduled or live.",
    success: { status: 201, schema: ZTicketResponse, description: "The ticket and the viewer's balance." },
    errors: ["insufficient_credits", "not_found", "invalid_transition", "sold_out", "invalid_request"],
  },
  {
    method: "post", path: "/ticket-shows/{id}/start", summary: "The performer goes live with a ticket show", request: ZNoParamsBody, emptyBodyAllowed: true,
    description: "From 15 minutes before startsAt until 15 minutes after. From now only ticket holders stay: eject the others.",
    success: { status: 200, schema: ZTicketShowResponse, description: "The ticket show, live." }, errors: ["not_found", "invalid_transition", "performer_unavailable"],
  },
  {
    method: "post", path: "/ticket-shows/{id}/end", summary: "The performer ends a live ticket show", request: ZNoParamsBody, emptyBodyAllowed: true,
    success: { status: 200, schema: ZTicketShowResponse, description: "The ticket show, ended." }, errors: ["not_found", "invalid_transition"],
  },
  {
    method: "post", path: "/ticket-shows/{id}/cancel", summary: "The performer cancels a scheduled ticket show", request: ZNoParamsBody, emptyBodyAllowed: true,
    description: "Every ticket is refunded (reason: cancelled by the performer). Cancelling a cancelled show returns it.",
    success: { status: 200, schema: ZTicketShowResponse, description: "The ticket show, cancelled." }, errors: ["not_found", "invalid_transition"],
  },
  {
    method: "post", path: "/tips", summary: "Send a tip", request: ZSendTipRequest,
    success: { status: 201, schema: ZTipResponse, description: "The tip and the viewer's new balance." },
    errors: ["insufficient_credits", "account_blocked", "account_on_hold", "not_found", "invalid_request"],
  },
  {
    method: "post", path: "/menu-tips", summary: "Tip an item of the performer's tip menu", request: ZSendMenuTipRequest,
    description: "A tip of the item's price, recorded with the item. Like every tip, it counts towards the performer's running goal.",
    success: { status: 201, schema: ZMenuTipResponse, description: "The tip (with the item), the viewer's balance and the goal after it." },
    errors: ["insufficient_credits", "not_found", "invalid_request"],
  },
  {
    method: "get", path: "/performers/{id}/tip-menu", summary: "A performer's tip menu",
    success: { status: 200, schema: ZTipMenuResponse, description: "The items, in the performer's order." }, errors: ["not_found", "invalid_request"],
  },
  {
    method: "get", path: "/performers/{id}/goal", summary: "A performer's running goal",
    success: { status: 200, schema: ZGoalResponse, description: "The running goal, or the one reached in the past hour; null when none." }, errors: ["not_found", "invalid_request"],
  },
];

const SIGNED_STRING = '"<timestamp>\\n<METHOD>\\n<path with query>\\n<Idempotency-Key or empty>\\n<raw body>"';

const ERROR_MEANINGS: Partial<Record<AppErrorCode, string>> = {
  invalid_json: "the body is not valid JSON",
  idempotency_key_required: "POST/PUT without a valid Idempotency-Key (1..255 printable ASCII)",
  invalid_signature: "X-Chat-Signature or X-Chat-Timestamp missing, malformed or wrong, or a v1= signature (sign with v2)",
  stale_timestamp: `X-Chat-Timestamp more than ${SIGNATURE_TOLERANCE_SECONDS} s from the server clock`,
  insufficient_credits: "the viewer's credits do not cover it",
  account_blocked: "the viewer was blocked by an admin and may not spend (never answered to a read)",
  account_on_hold: "the viewer's account is on hold after a PayPal refund or reversal took back credits already spent (never answered to a read)",
  not_found: "unknown user, performer or show",
  idempotency_conflict: "the key was used for a different request, or its first request is still running",
  performer_unavailable: "the performer is offline or busy",
  show_in_progress: "the viewer already has a requested or active show",
  invalid_transition: "the show is not in a state that allows this step",
  spying_disabled: "spying is turned off on the site or by the performer for this show",
  group_minimum_not_reached: "fewer viewers who can pay than the group show's minimum",
  sold_out: "every seat of the ticket show is sold",
  conflict: "already open, or changed at the same moment: retry",
  payload_too_large: `the body is over ${MAX_BODY_BYTES / 1024} KiB`,
  invalid_request: "schema violation (the message names the field), or a request the rules refuse: a non-viewer account, tipping oneself",
  internal_error: "a server fault; no details are given",
};

export function buildOpenApiDocument() {
  const components = {
    ...toComponents(chatApiRequests, "input"),
    ...toComponents(chatApiResponses, "output"),
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of CHAT_API_ENDPOINTS) {
    (paths[endpoint.path] ??= {})[endpoint.method] = operation(endpoint);
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "Chat callback API",
      version: "1.1.0",
      description: [
        "The API a chat service calls to ask the site about performers, users, private shows and tips (contract v1.1).",
        `Every request is signed: \`X-Chat-Signature: v2=<lowercase hex HMAC-SHA256(CHAT_API_SECRET, ${SIGNED_STRING})>\` with \`X-Chat-Timestamp: <unix seconds>\`: five lines joined by a single \\n, the Idempotency-Key line empty when the request has none, the raw body the empty string for GET. \`v1=\` signatures are refused (401 invalid_signature).`,
        "Every POST and PUT carries an `Idempotency-Key`; the same key and request returns the stored first response for at least 24 h.",
        `Checks run in this order: body size (413), signature (401), JSON (400), idempotency key (400, 409), schema (422), then the operation. Errors are always \`{"error": {"code", "message"}}\`, also a wrong method on a listed path (405 method_not_allowed, with an Allow header) and an unknown path (404 not_found).`,
        "Ids are integers, times ISO-8601 UTC strings, money decimal strings, credits integers.",
      ].join("\n\n"),
    },
    servers: [{ url: "/api/chat/v1" }],
    security: [{ chatTimestamp: [], chatSignature: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        chatTimestamp: { type: "apiKey", in: "header", name: "X-Chat-Timestamp", description: `Unix seconds; at most ${SIGNATURE_TOLERANCE_SECONDS} s from the server clock.` },
        chatSignature: {
          type: "apiKey", in: "header", name: "X-Chat-Signature",
          description: `v2=<lowercase hex HMAC-SHA256(CHAT_API_SECRET, ${SIGNED_STRING})>, compared in constant time.`,
        },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key", in: "header", required: true,
          description: "1..255 printable ASCII characters. The same key with the same method, path and body returns the first response again (at least 24 h); with another request it answers 409 idempotency_conflict.",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]{1,255}$" },
        },
        Id: { name: "id", in: "path", required: true, schema: plain(z.toJSONSchema(ZId)) },
      },
    },
  };
}

function operation(endpoint: Endpoint) {
  const mutating = endpoint.method !== "get";
  const parameters: unknown[] = [];
  if (endpoint.path.includes("{id}")) parameters.push({ $ref: "#/components/parameters/Id" });
  if (mutating) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  for (const [name, schema] of Object.entries(endpoint.query?.shape ?? {})) {
    parameters.push({ name, in: "query", required: false, schema: plain(z.toJSONSchema(schema as z.ZodType, { io: "input" })) });
  }
  const codes: AppErrorCode[] = [
    ...(mutating ? (["payload_too_large", "invalid_json"] as const) : []),
    "invalid_signature", "stale_timestamp",
    ...(mutating ? (["idempotency_key_required", "idempotency_conflict"] as const) : []),
    ...endpoint.errors, "invalid_request", "internal_error",
  ];
  return {
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    operationId: `${endpoint.method}${endpoint.path.replace(/\{id\}/g, "ById").replace(/[^A-Za-z]+(.)?/g, (_m, c?: string) => (c ?? "").toUpperCase())}`,
    parameters,
    ...(endpoint.request && {
      requestBody: {
        required: !endpoint.emptyBodyAllowed,
        content: { "application/json": { schema: { $ref: refTo(chatApiRequests, endpoint.request) } } },
      },
    }),
    responses: {
      [endpoint.success.status]: {
        description: endpoint.success.description,
        content: { "application/json": { schema: { $ref: refTo(chatApiResponses, endpoint.success.schema) } } },
      },
      ...errorResponses(codes),
    },
  };
}

/** One response per status, its schema narrowing `error.code` to the codes this endpoint can answer. */
function errorResponses(codes: AppErrorCode[]) {
  const byStatus = new Map<number, AppErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: list.map((code) => `\`${code}\`: ${ERROR_MEANINGS[code] ?? code}`).join("; "),
      content: {
        "application/json": {
          schema: {
            allOf: [
              { $ref: "#/components/schemas/Error" },
              { type: "object", properties: { error: { type: "object", properties: { code: { enum: list } } } } },
            ],
          },
        },
      },
    };
  }
  return responses;
}

type Registry = typeof chatApiRequests;

function toComponents(registry: Registry, io: "input" | "output") {
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, plain(schema)]));
}

function refTo(registry: Registry, schema: z.ZodType): string {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error("openapi: a schema used by an endpoint is not registered");
  return `#/components/schemas/${id}`;
}

/** A schema without the JSON Schema document keywords ($schema, $id) that a component must not carry. */
function plain(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}
