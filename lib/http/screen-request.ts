import { refuseBadServerAction } from "./server-action-body";

// Requests Next.js itself would answer with a 500 before any of our code runs, answered first (from
// proxy.ts) with a 4xx JSON error instead.

/** A path whose percent-escapes are not UTF-8 ("/performers/%FF"): Next fails decoding its params. */
function hasMalformedEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** A 4xx JSON answer for a request Next would fail on, or null to let it through. */
export async function screenRequest(request: Request): Promise<Response | null> {
  if (hasMalformedEscapes(new URL(request.url).pathname)) {
    return Response.json({ error: { code: "bad_request", message: "The URL is not valid (malformed percent-encoding)." } }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  return refuseBadServerAction(request);
}
