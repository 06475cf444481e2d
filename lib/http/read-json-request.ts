import "server-only";
import { AppError } from "@/lib/errors";
import { parseJsonBody, readBody } from "@/lib/server/chat-api/read-body";

/**
 * The JSON body of one of the site's own POST routes, refused beyond `limit` bytes. Only
 * `application/json` is accepted: a cross-site form cannot send it without a CORS preflight.
 */
export async function readJsonRequest(request: Request, limit: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("bad_request", "Send JSON (content-type: application/json).");
  }
  return parseJsonBody(await readBody(request, limit));
}
