import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { describeIssues, errorResult, isRefusal, type JsonResult } from "@/lib/http/error-response";
import type { HotAnswer, HotRequest } from "./hot-path";
import { assertNoConflict, withIdempotency, type StoredResponse } from "./idempotency";
import { readIdempotencyKey, requestFingerprint } from "./idempotency-key";
import { parseJsonBody, readBody } from "./read-body";
import { verifySignature } from "./verify-signature";

type Method = "GET" | "POST" | "PUT";

export type ChatRouteOptions<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType> = {
  method: Method;
  /** Path parameters, e.g. ZIdParams. */
  params?: TParams;
  /** Query string parameters (each read once, the first occurrence). */
  query?: TQuery;
  /** The JSON body; an empty body reaches the schema as undefined. POST and PUT only. */
  body?: TBody;
  /** The success body: checked on the way out, unknown fields stripped. A mismatch is a fault (500). */
  response: z.ZodType;
  /**
   * POST only: the route's hot path (hot-path.ts), tried before the request's transaction; null
   * hands the request to the ordinary path.
   */
  hot?: (input: ChatInput<TParams, TQuery, TBody> & { idempotencyKey: string }, hot: HotRequest) => Promise<HotAnswer | null>;
};

export type ChatInput<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType> = {
  params: z.output<TParams>;
  query: z.output<TQuery>;
  body: z.output<TBody>;
  /** The request's arrival time: the one clock the signature check and the domain call share. */
  now: Date;
  /** The request's Idempotency-Key (POST and PUT), for domain writes that must stay single even after a crash. */
  idempotencyKey?: string;
  /**
   * POST and PUT: the request's one transaction (idempotency claim, effect, stored answer; see
   * idempotency.ts). Pass it to the domain call as `db` so its writes commit with the stored answer.
   */
  db?: Tx;
};

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

// The one wrapper every /api/chat/v1 route uses. The order of the checks is part of the contract
// (docs/chat-api.md "Order of checks"):
//   1. 413 payload_too_large   the body is read first, up to 16 KiB, and no further
//   2. 401 invalid_signature / stale_timestamp   nothing is parsed before the request is authentic
//   3. 400 invalid_json
//   4. 400 idempotency_key_required, then 409 idempotency_conflict (POST and PUT)
//   5. 422 invalid_request     path, query and body schemas; nothing is written (no record is kept)
//   6. the domain call, in the request's transaction; an AppError answers its code (404, 402, 409, …)
//      and rolls back only the domain's writes; faults answer 500 and roll back everything
// Steps 1–3 never touch the database; a 422 at step 5 only reads the key's record, so a refused
// request leaves no trace (see idempotency.ts for what is stored).
export function chatRoute<
  TParams extends z.ZodType = z.ZodUnknown,
  TQuery extends z.ZodType = z.ZodUnknown,
  TBody extends z.ZodType = z.ZodUnknown,
>(
  options: ChatRouteOptions<TParams, TQuery, TBody>,
  handler: (input: ChatInput<TParams, TQuery, TBody>) => Promise<JsonResult>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const mutating = options.method !== "GET";
  return async (request, context) => {
    const now = new Date();
    try {
      const url = new URL(request.url);
      const path = url.pathname + url.search;
      const raw = mutating ? await readBody(request) : new Uint8Array(0);
      verifySignature({
        secret: loadEnv().CHAT_API_SECRET,
        method: request.method,
        path,
        idempotencyKey: request.headers.get("idempotency-key"),
        body: raw,
        timestamp: request.headers.get("x-chat-timestamp"),
        signature: request.headers.get("x-chat-signature"),
        now,
      });
      const json = mutating ? parseJsonBody(raw) : undefined;
      const parsed = parseInput(options, (await context?.params) ?? {}, url.searchParams, json);
      if (!mutating) return respond(await run(options.response, handler, parsed, { now }), false);

      const key = readIdempotencyKey(request.headers);
      const fingerprint = requestFingerprint(request.method, path, raw);
      if (!parsed.success) {
        await assertNoConflict(key, fingerprint);
        throw parsed.error;
      }
      if (options.hot) {
        const render = (result: JsonResult) => renderResult(options.response, result);
        const answer = await options.hot({ ...parsed.data, now, idempotencyKey: key }, { key, fingerprint, render });
        if (answer) return respond(answer, answer.replayed);
      }
      const response = await withIdempotency({ key, fingerprint, refusal: storedRefusal }, (db) =>
        run(options.response, handler, parsed, { now, idempotencyKey: key, db }),
      );
      return respond(response, response.replayed);
    } catch (error) {
      const result = errorResult(error);
      return respond({ status: result.status, text: JSON.stringify(result.body) }, false);
    }
  };
}

type Parsed<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType> =
  | { success: true; data: Omit<ChatInput<TParams, TQuery, TBody>, "now"> }
  | { success: false; error: z.ZodError };

function parseInput<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType>(
  options: ChatRouteOptions<TParams, TQuery, TBody>,
  params: Record<string, unknown>,
  search: URLSearchParams,
  json: unknown,
): Parsed<TParams, TQuery, TBody> {
  const query: Record<string, string> = {};
  for (const [name, value] of search) query[name] ??= value;
  const results = [
    options.params?.safeParse(params) ?? { success: true as const, data: {} },
    options.query?.safeParse(query) ?? { success: true as const, data: {} },
    options.body?.safeParse(json) ?? { success: true as const, data: undefined },
  ];
  const issues = results.flatMap((r) => (r.success ? [] : r.error.issues));
  if (issues.length > 0) return { success: false, error: new z.ZodError(issues) };
  const [p, q, b] = results.map((r) => r.data);
  return { success: true, data: { params: p, query: q, body: b } as Omit<ChatInput<TParams, TQuery, TBody>, "now"> };
}

// Runs the handler and turns its answer into the text to send (and, for POST/PUT, to store). It
// throws everything the handler throws: for POST/PUT, withIdempotency stores an AppError or a domain
// ZodError as the answer (storedRefusal) after rolling back the domain's writes; anything else is a
// fault that rolls the request's transaction back, and the outer catch logs it and answers 500.
async function run<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType>(
  response: z.ZodType,
  handler: (input: ChatInput<TParams, TQuery, TBody>) => Promise<JsonResult>,
  parsed: Parsed<TParams, TQuery, TBody>,
  context: { now: Date; idempotencyKey?: string; db?: Tx },
): Promise<StoredResponse> {
  if (!parsed.success) throw parsed.error;
  return renderResult(response, await handler({ ...parsed.data, ...context }));
}

function renderResult(response: z.ZodType, result: JsonResult): StoredResponse {
  const checked = response.safeParse(result.body);
  if (!checked.success) throw new Error(`chat-api: response breaks the contract: ${describeIssues(checked.error.issues, 5)}`);
  return { status: result.status, text: JSON.stringify(checked.data) };
}

function storedRefusal(error: unknown): StoredResponse | null {
  if (!isRefusal(error)) return null;
  const refusal = errorResult(error);
  return { status: refusal.status, text: JSON.stringify(refusal.body) };
}

function respond(response: StoredResponse, replayed: boolean): Response {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  if (replayed) headers.set("idempotent-replayed", "true");
  return new Response(response.text, { status: response.status, headers });
}
