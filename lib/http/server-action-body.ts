// Server actions can be posted to any page, by anyone. Next answers a body over
// experimental.serverActions.bodySizeLimit (next.config.js), or one it cannot parse (a malformed
// multipart part, a reply that is not JSON), with a 500. This check answers them first, in proxy.ts,
// as 4xx JSON errors: 413 from the declared Content-Length (a body sent without one still meets
// Next's own limit), 400 for a body that does not parse. Bodies are read from a clone, at most the
// limit, so Next still gets the request untouched.

import { MAX_PHOTO_BYTES } from "@/lib/uploads/image-type";

/** Keep equal to serverActions.bodySizeLimit in next.config.js: the largest photo (5 MB) plus the form. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

function refusal(status: 400 | 413, code: "bad_request" | "payload_too_large", message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/** A 4xx JSON answer for a server action request Next would fail on with a 500, or null to let it through. */
export async function refuseBadServerAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > SERVER_ACTION_BODY_LIMIT_BYTES) {
    const limit = SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024;
    return refusal(413, "payload_too_large", `The request is larger than ${limit} MB; a photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  }
  if (declared === null) return null;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (/^multipart\/form-data/i.test(type)) await request.clone().formData();
    else JSON.parse(await request.clone().text());
  } catch {
    return refusal(400, "bad_request", "The form data could not be read.");
  }
  return null;
}
