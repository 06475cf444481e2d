import "server-only";
import { getPaypalConfig } from "./get-paypal-config";

/** PayPal answers the postback within seconds; the IPN is kept (outcome error) if it does not. */
export const IPN_VERIFY_TIMEOUT_MS = 10_000;

export type IpnVerification = { verification: "VERIFIED" | "INVALID" | "error"; detail: string };

const PREFIX = Buffer.from("cmd=_notify-validate&");

/**
 * Asks PayPal whether it sent this IPN: POSTs `cmd=_notify-validate&` followed by the exact bytes
 * received (same order, same encoding) to PAYPAL_IPN_VERIFY_URL, which answers VERIFIED or INVALID.
 */
export async function verifyIpn({ raw }: { raw: Uint8Array }): Promise<IpnVerification> {
  const url = getPaypalConfig().ipnVerifyUrl;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "ppv-webcam-chat-ipn-verifier/1" },
      body: Buffer.concat([PREFIX, raw]),
      signal: AbortSignal.timeout(IPN_VERIFY_TIMEOUT_MS),
    });
    const text = (await response.text()).trim();
    if (!response.ok) return { verification: "error", detail: `the postback answered HTTP ${response.status}` };
    if (text === "VERIFIED") return { verification: "VERIFIED", detail: "PayPal answered VERIFIED" };
    if (text === "INVALID") return { verification: "INVALID", detail: "PayPal answered INVALID: it did not send this message" };
    return { verification: "error", detail: `the postback answered ${JSON.stringify(text.slice(0, 40))}` };
  } catch (error) {
    return { verification: "error", detail: `the postback failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
