// POST /api/paypal/ipn – PayPal IPN: store the raw message, answer 200, then verify it with PayPal and apply it
import { apiMethods } from "@/lib/http/api-methods";
import { after } from "next/server";
import { errorBody, errorResult } from "@/lib/http/error-response";
import { jsonResponse } from "@/lib/http/json-response";
import { readBody } from "@/lib/server/chat-api/read-body";
import { processIpnMessage } from "@/lib/server/paypal/process-ipn-message";
import { storeIpnMessage } from "@/lib/server/paypal/store-ipn-message";

/** PayPal's messages are a few KiB; anything far bigger is not one. */
const MAX_IPN_BYTES = 64 * 1024;

// No session: PayPal is the caller, and the message proves itself by the verification postback.
// 200 as soon as the raw message is stored (PayPal resends until it gets a 200), whatever the outcome;
// 413 for a body over 64 KiB and 400 for an empty one (neither is stored); 500 only if the database
// could not store it, so PayPal tries again later.
export async function POST(request: Request): Promise<Response> {
  let raw: Uint8Array;
  try {
    raw = await readBody(request, MAX_IPN_BYTES);
  } catch (error) {
    return jsonResponse(errorResult(error));
  }
  if (raw.byteLength === 0) return jsonResponse({ status: 400, body: errorBody("bad_request", "An IPN has a body.") });
  let messageId: number;
  try {
    messageId = (await storeIpnMessage({ raw })).id;
  } catch (error) {
    console.error("[paypal] IPN could not be stored:", error);
    return jsonResponse({ status: 500, body: errorBody("internal_error", "Internal error") });
  }
  after(() => processIpnMessage({ messageId }));
  return new Response(null, { status: 200 });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
