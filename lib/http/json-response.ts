import { errorResult, type JsonResult } from "./error-response";

/** A JsonResult as a Response; answers about money and sessions are never cached. */
export function jsonResponse({ status, body }: JsonResult): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Runs a route handler's work and maps whatever it throws to the API's error shape (error-response.ts). */
export async function handleJson(work: () => Promise<JsonResult>): Promise<Response> {
  try {
    return jsonResponse(await work());
  } catch (error) {
    return jsonResponse(errorResult(error));
  }
}
