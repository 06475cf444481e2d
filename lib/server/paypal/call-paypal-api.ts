import "server-only";
import { AppError } from "@/lib/errors";
import { fetchAccessToken, PAYPAL_TIMEOUT_MS } from "./fetch-access-token";
import { getPaypalConfig } from "./get-paypal-config";

export type CallPaypalApiOptions = {
  method: "GET" | "POST";
  /** e.g. "/v2/checkout/orders" */
  path: string;
  body?: unknown;
  /** PayPal-Request-Id: PayPal answers a repeated POST with the same id with its first result. */
  requestId?: string;
};

export type PaypalAnswer = { status: number; body: unknown; text: string };

// One authenticated JSON call to PayPal's REST API. A 401 (token revoked or expired early) is retried
// once with a fresh token; a network failure or timeout is a 502 paypal_unavailable.
export async function callPaypalApi({ method, path, body, requestId }: CallPaypalApiOptions): Promise<PaypalAnswer> {
  const config = getPaypalConfig();
  for (let attempt = 1; ; attempt++) {
    const token = await fetchAccessToken({ config, refresh: attempt > 1 });
    let response: Response;
    try {
      response = await fetch(`${config.apiBase}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          accept: "application/json",
          prefer: "return=representation",
          ...(requestId ? { "paypal-request-id": requestId } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(PAYPAL_TIMEOUT_MS),
      });
    } catch (error) {
      console.error(`[paypal] ${method} ${path} failed:`, error);
      throw new AppError("paypal_unavailable", "PayPal could not be reached. Try again in a moment.");
    }
    if (response.status === 401 && attempt === 1) continue;
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, text };
  }
}
