import "server-only";
import { processIpnMessage, type ProcessedIpn } from "./process-ipn-message";
import { storeIpnMessage } from "./store-ipn-message";

/**
 * An IPN from PayPal, start to end: store the raw message first, then verify and apply it. The route
 * (app/api/paypal/ipn) does the same two steps but answers PayPal in between.
 */
export async function receiveIpn(rawBody: Uint8Array | string): Promise<ProcessedIpn> {
  const raw = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  const { id } = await storeIpnMessage({ raw });
  return processIpnMessage({ messageId: id });
}
