// Server actions can be posted to any page, by anyone. Next refuses a body over
// experimental.serverActions.bodySizeLimit (next.config.js) — but as a 500 with an HTML or RSC error,
// not a 413. This check answers the same refusal first, as a 413 JSON error, from the declared
// Content-Length (a body sent without one still meets Next's own limit).

import { MAX_PHOTO_BYTES } from "@/lib/uploads/image-type";

/** Keep equal to serverActions.bodySizeLimit in next.config.js: the largest photo (5 MB) plus the form. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** A 413 JSON answer for a server action whose declared body is over the limit, or null to let it through. */
export function refuseOversizedServerAction(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared) || Number(declared) <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  const message = `The request is larger than ${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB; a photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`;
  return Response.json({ error: { code: "payload_too_large", message } }, { status: 413, headers: { "cache-control": "no-store" } });
}
