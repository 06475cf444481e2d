import { errorBody } from "@/lib/http/error-response";

// Next.js answers a method a route file does not export with an empty 405. Every /api route file
// exports its methods through apiMethods instead, so a wrong method gets the API's error shape
// (405 method_not_allowed, JSON) with an `Allow` header, and OPTIONS lists the same methods. The
// allowed methods are the handlers given: one list per route, nothing to keep in step by hand.

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route keeps its own context type
type Handler = (request: Request, context: any) => Response | Promise<Response>;
type Fallback = (request: Request) => Response;

export type ApiMethodExports<H extends Partial<Record<ApiMethod, Handler>>> = {
  [M in ApiMethod]: H[M] extends Handler ? H[M] : Fallback;
} & { OPTIONS: Fallback };

/** The Allow header for these handlers: HEAD comes with GET (Next.js answers it from GET). */
export function allowHeader(methods: readonly string[]): string {
  const allowed = new Set([...methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...allowed].sort().join(", ");
}

export function methodNotAllowed(allow: string): Response {
  return Response.json(errorBody("method_not_allowed", `This path does not answer that method; use ${allow}.`), {
    status: 405,
    headers: { allow, "cache-control": "no-store", "content-type": "application/json; charset=utf-8" },
  });
}

/** A route file's exports: `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: … })`. */
export function apiMethods<H extends Partial<Record<ApiMethod, Handler>>>(handlers: H): ApiMethodExports<H> {
  const allow = allowHeader(API_METHODS.filter((method) => handlers[method]));
  const notAllowed: Fallback = () => methodNotAllowed(allow);
  const exports: Record<string, Handler> = { OPTIONS: () => new Response(null, { status: 204, headers: { allow } }) };
  for (const method of API_METHODS) exports[method] = handlers[method] ?? notAllowed;
  return exports as ApiMethodExports<H>;
}
