import "server-only";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { MAX_IPN_BYTES } from "@/lib/paypal/screen-ipn";
import { readBody } from "@/lib/server/chat-api/read-body";
import { enforceRateLimit } from "@/lib/server/rate-limit/enforce-rate-limit";
import { storeIpnMessage } from "./store-ipn-message";

/** The site-wide limit, whatever the address claims, as a multiple of the per-address one (PayPal resends a refused IPN later). */
export const SITE_IPN_LIMIT_FACTOR = 10;

/**
 * POST /api/paypal/ipn up to storing: throttled (per client address and site-wide, 429), then only a
 * form body (415) of at most MAX_IPN_BYTES (413) that looks like an IPN (400, screen-ipn.ts) is stored.
 * Nothing refused here is stored or posted back to PayPal.
 */
export async function acceptIpnRequest(request: Request): Promise<{ messageId: number }> {
  const message = "Too many IPN messages.";
  // PayPal sends one IPN per payment event and resends a few times at most: 30 a minute is generous.
  const perAddress = loadEnv().IPN_RATE_LIMIT_PER_MINUTE;
  await enforceRateLimit({ key: "ipn:site", limit: perAddress * SITE_IPN_LIMIT_FACTOR, windowSeconds: 60, message });
  await enforceRateLimit({ key: `ipn:${clientAddress(request.headers, loadEnv().TRUSTED_PROXY_HOPS)}`, limit: perAddress, windowSeconds: 60, message });
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "An IPN is sent as application/x-www-form-urlencoded.");
  }
  const raw = await readBody(request, MAX_IPN_BYTES);
  return { messageId: (await storeIpnMessage({ raw })).id };
}
