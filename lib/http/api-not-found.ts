import { errorBody } from "./error-response";

/** A route handler answering 404 in the API's error shape (the catch-all routes under /api). */
export function apiNotFound(message: string): () => Response {
  return () =>
    Response.json(errorBody("not_found", message), {
      status: 404,
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    });
}
