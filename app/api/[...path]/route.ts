// ANY /api/* that no route serves – a JSON 404 (the API's error shape) instead of the site's HTML page
import { errorBody } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

function notFound(): Response {
  return Response.json(errorBody("not_found", "No such API endpoint."), {
    status: 404,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
