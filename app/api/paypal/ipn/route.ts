// POST /api/paypal/ipn – PayPal IPN: store the raw message, answer 200, then verify it with PayPal and apply it
import { apiMethods } from "@/lib/http/api-methods";
import { after } from "next/server";
import { errorResult } from "@/lib/http/error-response";
import { jsonResponse } from "@/lib/http/json-response";
import { acceptIpnRequest } from "@/lib/server/paypal/accept-ipn-request";
import { processIpnMessage } from "@/lib/server/paypal/process-ipn-message";
import { RateLimitedError } from "@/lib/server/rate-limit/enforce-rate-limit";

// No session: PayPal is the caller, and the message proves itself by the verification postback.
// 200 as soon as the raw message is stored (PayPal resends until it gets a 200), whatever the outcome;
// 429, 415, 413 and 400 for what is throttled or cannot be an IPN (nothing stored, no postback);
// 500 only if the database could not store it, so PayPal tries again later.
export async function POST(request: Request): Promise<Response> {
  let messageId: number;
  try {
    ({ messageId } = await acceptIpnRequest(request));
  } catch (error) {
    const response = jsonResponse(errorResult(error));
    if (error instanceof RateLimitedError) response.headers.set("retry-after", String(error.retryAfterSeconds));
    return response;
  }
  after(() => processIpnMessage({ messageId }));
  return new Response(null, { status: 200 });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
