import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sign, type ChatApiMethod, type RequestOptions, type SignInput } from "@/lib/chat-api-client/chat-api-client";
import { api, dispatch, snapshot, testSecret, V1 } from "@/test/helpers/chat-api";
import { createPerformer, createViewer } from "@/test/helpers/factories";

// Bad input of every kind gets its documented 4xx, never a 500, and leaves the database exactly as
// it was: no ledger row, tip, show, balance change, performer status change or idempotency record.

type Case = { name: string; send: () => Promise<Response>; status: number; code: string; mentions?: string };

let userId = 0;
let performerId = 0;
let showId = 0;

beforeAll(async () => {
  const viewer = await createViewer({ credits: 1000 });
  const performer = await createPerformer();
  userId = viewer.id;
  performerId = performer.id;
  const created = await send("POST", "/shows", { userId, performerId });
  showId = ((await created.json()) as { show: { id: number } }).show.id;
});

function send(method: ChatApiMethod, path: string, body?: unknown, options?: RequestOptions): Promise<Response> {
  return dispatch(api.buildRequest(method, `${V1}${path}`, body, options));
}

/** A POST with raw bytes as the body, signed correctly over those bytes. */
function sendBytes(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  const key = `bytes-${Math.random()}`;
  const mac = createHmac("sha256", testSecret()).update(`${timestamp}\nPOST\n${V1}${path}\n${key}\n`).update(bytes).digest("hex");
  return dispatch(
    new Request(`http://localhost:3000${V1}${path}`, {
      method: "POST",
      body: bytes,
      headers: { "x-chat-timestamp": String(timestamp), "x-chat-signature": `v2=${mac}`, "idempotency-key": key },
    }),
  );
}

const SIGNED_KEY = "bad-input-signed-key";

/** A request whose signature is made over something else than what is sent (`signed` overrides it). */
function sendSignedAs(method: ChatApiMethod, path: string, body: unknown, signed: Partial<SignInput>): Promise<Response> {
  const text = body === undefined ? "" : JSON.stringify(body);
  const idempotencyKey = method === "GET" ? null : `${SIGNED_KEY}-${Math.random()}`;
  const signature = sign({ secret: testSecret(), timestamp: now(), method, path: `${V1}${path}`, idempotencyKey, body: text, ...signed });
  return send(method, path, body, { idempotencyKey, signature });
}

/** A tip signed correctly by contract v1's rule (dot-joined, no key): refused since v1.1. */
function sendV1(path: string, body: string): Promise<Response> {
  const timestamp = now();
  const mac = createHmac("sha256", testSecret()).update(`${timestamp}.POST.${V1}${path}.${body}`).digest("hex");
  return send("POST", path, body, { timestamp, signature: `v1=${mac}` });
}

const tip = (fields: Record<string, unknown>) => ({ userId, performerId, credits: 10, ...fields });
const now = () => Math.floor(Date.now() / 1000);

const cases: Case[] = [
  // Wrong types, missing fields, out-of-range numbers: 422 naming the field.
  ...(
    [
      ["credits as a string", () => tip({ credits: "10" }), "credits"],
      ["credits as a fraction", () => tip({ credits: 1.5 }), "credits"],
      ["credits as a boolean", () => tip({ credits: true }), "credits"],
      ["credits null", () => tip({ credits: null }), "credits"],
      ["credits zero", () => tip({ credits: 0 }), "credits"],
      ["credits negative", () => tip({ credits: -5 }), "credits"],
      ["credits over 100000", () => tip({ credits: 100_001 }), "credits"],
      ["credits huge", () => tip({ credits: 1e20 }), "credits"],
      ["userId as a string", () => (tip({ userId: String(userId) })), "userId"],
      ["userId zero", () => tip({ userId: 0 }), "userId"],
      ["userId negative", () => tip({ userId: -1 }), "userId"],
      ["userId beyond int4", () => tip({ userId: 2_147_483_648 }), "userId"],
      ["performerId an object", () => tip({ performerId: { id: 1 } }), "performerId"],
      ["credits missing", () => ({ userId, performerId }), "credits"],
      ["everything missing", () => ({}), "userId"],
    ] as const
  ).map(([name, body, field]): Case => ({ name: `tips: ${name}`, send: () => send("POST", "/tips", body()), status: 422, code: "invalid_request", mentions: field })),
  { name: "tips: credits 1e400 (Infinity)", send: () => send("POST", "/tips", `{"userId":${userId},"performerId":${performerId},"credits":1e400}`), status: 422, code: "invalid_request", mentions: "credits" },
  { name: "tips: body is an array", send: () => send("POST", "/tips", "[1,2]"), status: 422, code: "invalid_request", mentions: "body" },
  { name: "tips: body is null", send: () => send("POST", "/tips", "null"), status: 422, code: "invalid_request", mentions: "body" },
  { name: "tips: body is a number", send: () => send("POST", "/tips", "5"), status: 422, code: "invalid_request", mentions: "body" },
  { name: "tips: empty body", send: () => send("POST", "/tips", ""), status: 422, code: "invalid_request", mentions: "body" },
  { name: "tips: __proto__ keys", send: () => send("POST", "/tips", `{"__proto__":{"credits":5},"userId":${userId},"performerId":${performerId}}`), status: 422, code: "invalid_request", mentions: "credits" },
  { name: "tips: deeply nested JSON", send: () => send("POST", "/tips", "[".repeat(8000) + "]".repeat(8000)), status: 422, code: "invalid_request" },
  { name: "shows: userId a string", send: () => send("POST", "/shows", { userId: "x", performerId }), status: 422, code: "invalid_request", mentions: "userId" },
  { name: "end: unknown reason", send: () => send("POST", `/shows/${showId}/end`, { reason: "bored" }), status: 422, code: "invalid_request", mentions: "reason" },
  { name: "end: reason missing", send: () => send("POST", `/shows/${showId}/end`, {}), status: 422, code: "invalid_request", mentions: "reason" },
  { name: "accept: body is an array", send: () => send("POST", `/shows/${showId}/accept`, "[]"), status: 422, code: "invalid_request" },
  { name: "heartbeats: showIds a string", send: () => send("POST", "/heartbeats", { showIds: "1,2" }), status: 422, code: "invalid_request", mentions: "showIds" },
  { name: "heartbeats: showIds of strings", send: () => send("POST", "/heartbeats", { showIds: ["1"] }), status: 422, code: "invalid_request", mentions: "showIds.0" },
  { name: "status: busy cannot be set", send: () => send("PUT", `/performers/${performerId}/status`, { status: "busy" }), status: 422, code: "invalid_request", mentions: "status" },
  { name: "performers: bad status filter", send: () => send("GET", "/performers?status=ONLINE"), status: 422, code: "invalid_request", mentions: "status" },

  // Path ids.
  ...["abc", "0", "-1", "1.5", "1e3", "99999999999", "2147483648"].map(
    (id): Case => ({ name: `accept: id ${id}`, send: () => send("POST", `/shows/${id}/accept`), status: 422, code: "invalid_request", mentions: "id" }),
  ),
  { name: "users: id abc", send: () => send("GET", "/users/abc"), status: 422, code: "invalid_request", mentions: "id" },

  // Ids above int4 in every place an id goes: refused before the database sees them.
  ...(
    [
      ["GET", "/users/99999999999", undefined],
      ["PUT", "/performers/99999999999/status", { status: "online" }],
      ...["accept", "decline", "cancel", "heartbeat"].map((step) => ["POST", `/shows/99999999999/${step}`, undefined] as const),
      ["POST", "/shows/99999999999/end", { reason: "user_left" }],
      ["POST", "/shows/2147483648/accept", undefined],
    ] as const
  ).map(([method, path, body]): Case => ({ name: `${method} ${path}: id beyond int4`, send: () => send(method, path, body), status: 422, code: "invalid_request", mentions: "id" })),
  { name: "shows: userId beyond int4", send: () => send("POST", "/shows", { userId: 99_999_999_999, performerId }), status: 422, code: "invalid_request", mentions: "userId" },
  { name: "tips: performerId beyond int4", send: () => send("POST", "/tips", tip({ performerId: 99_999_999_999 })), status: 422, code: "invalid_request", mentions: "performerId" },
  { name: "heartbeats: a show id beyond int4", send: () => send("POST", "/heartbeats", { showIds: [1, 99_999_999_999] }), status: 422, code: "invalid_request", mentions: "showIds.1" },

  // NUL bytes in any string: refused as invalid input, never passed on to PostgreSQL (which rejects them).
  { name: "performers: NUL in the status filter", send: () => send("GET", "/performers?status=online%00"), status: 422, code: "invalid_request", mentions: "status" },
  { name: "users: NUL in the path id", send: () => send("GET", "/users/1%00"), status: 422, code: "invalid_request", mentions: "id" },
  { name: "accept: NUL in the path id", send: () => send("POST", "/shows/%001/accept"), status: 422, code: "invalid_request", mentions: "id" },
  { name: "end: NUL in the reason", send: () => send("POST", `/shows/${showId}/end`, { reason: "user_left\u0000" }), status: 422, code: "invalid_request", mentions: "reason" },
  { name: "status: NUL in the status", send: () => send("PUT", `/performers/${performerId}/status`, { status: "\u0000online" }), status: 422, code: "invalid_request", mentions: "status" },
  { name: "tips: NUL as credits", send: () => send("POST", "/tips", tip({ credits: "\u0000" })), status: 422, code: "invalid_request", mentions: "credits" },
  { name: "heartbeats: NUL as a show id", send: () => send("POST", "/heartbeats", { showIds: ["\u0000"] }), status: 422, code: "invalid_request", mentions: "showIds.0" },
  { name: "tips: NUL in an ignored field and a NUL key", send: () => send("POST", "/tips", `{"userId":${userId},"performerId":${performerId},"credits":0,"note\\u0000":"\\u0000"}`), status: 422, code: "invalid_request", mentions: "credits" },
  { name: "tips: a raw NUL byte in the body", send: () => sendBytes("/tips", new TextEncoder().encode(`{"userId":${userId},"performerId":${performerId},"credits":1\u0000}`)), status: 400, code: "invalid_json" },
  { name: "status: id 0", send: () => send("PUT", "/performers/0/status", { status: "online" }), status: 422, code: "invalid_request", mentions: "id" },

  // Malformed JSON: 400.
  ...["{", "{'userId':1}", '{"userId":1,}', "undefined", "   "].map(
    (text): Case => ({ name: `tips: invalid JSON ${JSON.stringify(text)}`, send: () => send("POST", "/tips", text), status: 400, code: "invalid_json" }),
  ),
  { name: "tips: body not UTF-8", send: () => sendBytes("/tips", new Uint8Array([0x7b, 0xff, 0x7d])), status: 400, code: "invalid_json" },

  // Size: 413 before anything else, signed or not.
  { name: "tips: 17 KiB body, signed", send: () => send("POST", "/tips", JSON.stringify({ ...tip({}), pad: "x".repeat(17 * 1024) })), status: 413, code: "payload_too_large" },
  { name: "tips: 17 KiB body, unsigned", send: () => send("POST", "/tips", "x".repeat(17 * 1024), { signature: null }), status: 413, code: "payload_too_large" },
  { name: "tips: 17 KiB of bytes", send: () => sendBytes("/tips", new Uint8Array(17 * 1024).fill(0x20)), status: 413, code: "payload_too_large" },

  // Signatures: 401.
  { name: "tips: no signature", send: () => send("POST", "/tips", tip({}), { signature: null }), status: 401, code: "invalid_signature" },
  { name: "tips: no timestamp", send: () => dispatch(stripHeader(api.buildRequest("POST", `${V1}/tips`, tip({})), "x-chat-timestamp")), status: 401, code: "invalid_signature" },
  { name: "tips: wrong secret", send: () => sendSignedAs("POST", "/tips", tip({}), { secret: "w".repeat(40) }), status: 401, code: "invalid_signature" },
  { name: "tips: signature for another path", send: () => sendSignedAs("POST", "/tips", tip({}), { path: `${V1}/shows` }), status: 401, code: "invalid_signature" },
  { name: "tips: signature for another method", send: () => sendSignedAs("POST", "/tips", tip({}), { method: "PUT" }), status: 401, code: "invalid_signature" },
  { name: "tips: signature for another body", send: () => sendSignedAs("POST", "/tips", tip({}), { body: JSON.stringify(tip({ credits: 1 })) }), status: 401, code: "invalid_signature" },
  { name: "tips: signature for another Idempotency-Key", send: () => sendSignedAs("POST", "/tips", tip({}), { idempotencyKey: "another-key" }), status: 401, code: "invalid_signature" },
  { name: "tips: signature without the Idempotency-Key", send: () => sendSignedAs("POST", "/tips", tip({}), { idempotencyKey: null }), status: 401, code: "invalid_signature" },
  { name: "tips: a v1 signature (contract v1) is refused, saying to sign with v2", send: () => send("POST", "/tips", tip({}), { signature: `v1=${"a".repeat(64)}` }), status: 401, code: "invalid_signature" },
  { name: "tips: v1 over the old dot-joined string, correct for v1", send: () => sendV1("/tips", JSON.stringify(tip({}))), status: 401, code: "invalid_signature" },
  { name: "tips: malformed signature", send: () => send("POST", "/tips", tip({}), { signature: "sha256=abc" }), status: 401, code: "invalid_signature" },
  { name: "tips: stale timestamp", send: () => send("POST", "/tips", tip({}), { timestamp: now() - 301 }), status: 401, code: "stale_timestamp" },
  { name: "tips: future timestamp", send: () => send("POST", "/tips", tip({}), { timestamp: now() + 301 }), status: 401, code: "stale_timestamp" },
  { name: "performers: signature without the query", send: () => sendSignedAs("GET", "/performers?status=online", undefined, { path: `${V1}/performers` }), status: 401, code: "invalid_signature" },
  { name: "users: unsigned", send: () => send("GET", `/users/${userId}`, undefined, { signature: null }), status: 401, code: "invalid_signature" },

  // Idempotency key: 400.
  { name: "tips: no Idempotency-Key", send: () => send("POST", "/tips", tip({}), { idempotencyKey: null }), status: 400, code: "idempotency_key_required" },
  { name: "tips: Idempotency-Key too long", send: () => send("POST", "/tips", tip({}), { idempotencyKey: "k".repeat(256) }), status: 400, code: "idempotency_key_required" },
  { name: "status: PUT without Idempotency-Key", send: () => send("PUT", `/performers/${performerId}/status`, { status: "offline" }, { idempotencyKey: null }), status: 400, code: "idempotency_key_required" },

  // The order of the checks: size, then signature, then JSON, then key, then schema.
  { name: "order: too large and unsigned → 413", send: () => send("POST", "/tips", "{".repeat(17 * 1024), { signature: "v2=00" }), status: 413, code: "payload_too_large" },
  { name: "order: malformed JSON, unsigned → 401", send: () => send("POST", "/tips", "{", { signature: null }), status: 401, code: "invalid_signature" },
  { name: "order: malformed JSON, stale → 401", send: () => send("POST", "/tips", "{", { timestamp: now() - 3600 }), status: 401, code: "stale_timestamp" },
  { name: "order: malformed JSON, no key → 400 invalid_json", send: () => send("POST", "/tips", "{", { idempotencyKey: null }), status: 400, code: "invalid_json" },
  { name: "order: schema violation, no key → 400 key", send: () => send("POST", "/tips", { credits: "x" }, { idempotencyKey: null }), status: 400, code: "idempotency_key_required" },
  { name: "order: bad path id, unsigned → 401", send: () => send("POST", "/shows/abc/accept", undefined, { signature: null }), status: 401, code: "invalid_signature" },
];

function stripHeader(request: Request, name: string): Request {
  const headers = new Headers(request.headers);
  headers.delete(name);
  return new Request(request, { headers });
}

describe("bad input to the chat API", () => {
  it.each(cases)("$name → $status $code, nothing written", async ({ send: run, status, code, mentions }) => {
    const before = await snapshot();
    const response = await run();
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
    expect(Object.keys(body)).toEqual(["error"]);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    if (mentions) expect(body.error.message).toContain(`${mentions}:`);
    expect(body.error.message).not.toMatch(/at .*\.ts|SELECT|INSERT|prisma/i);
    expect(await snapshot()).toEqual(before);
  });

  it("tells a client that still signs v1 to sign with v2", async () => {
    const body = (await (await sendV1("/tips", JSON.stringify(tip({})))).json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/sign with v2/);
  });

  it("a schema violation with a key already used for another request answers 409, still writing nothing", async () => {
    const key = `reused-${Math.random()}`;
    const viewer = await createViewer({ credits: 100 });
    const first = await send("POST", "/tips", { userId: viewer.id, performerId, credits: 1 }, { idempotencyKey: key });
    expect(first.status).toBe(201);
    const before = await snapshot();
    const response = await send("POST", "/tips", { credits: "x" }, { idempotencyKey: key });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("idempotency_conflict");
    expect(await snapshot()).toEqual(before);
  });

  it("a schema violation keeps no record: the key can then carry the corrected request", async () => {
    const key = `fixed-${Math.random()}`;
    expect((await send("POST", "/tips", tip({ credits: 0 }), { idempotencyKey: key })).status).toBe(422);
    expect((await send("POST", "/tips", tip({ credits: 1 }), { idempotencyKey: key })).status).toBe(201);
  });
});
