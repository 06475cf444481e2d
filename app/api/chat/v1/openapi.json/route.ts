// GET /api/chat/v1/openapi.json – the OpenAPI 3.1 description of this API (public, unsigned)
import { apiMethods } from "@/lib/http/api-methods";
import { buildOpenApiDocument } from "@/lib/server/chat-api/openapi";

export const dynamic = "force-dynamic";

// Generated from the zod schemas once per process: it only changes with the code. Not prerendered,
// so a proxy never keeps an old version for a year after a deploy.
let text: string | undefined;

export function GET(): Response {
  text ??= JSON.stringify(buildOpenApiDocument());
  return new Response(text, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
