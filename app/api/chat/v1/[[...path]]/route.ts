// ANY /api/chat/v1 and /api/chat/v1/* (no such endpoint) – 404 in the API's error shape instead of an HTML page
import { errorBody } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

function notFound(): Response {
  return Response.json(errorBody("not_found", "No such endpoint: see /api/chat/v1/openapi.json."), {
    status: 404,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
