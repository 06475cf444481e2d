import "server-only";
import { AppError } from "@/lib/errors";
import { ZAccessToken } from "@/lib/validations/paypal";
import type { PaypalConfig } from "./get-paypal-config";

/** Every call to PayPal gives up after this long: a request never hangs on PayPal. */
export const PAYPAL_TIMEOUT_MS = 10_000;

type Token = { value: string; expiresAt: number };

// OAuth 2 client-credentials token, cached per (API base, client id) until a minute before it expires
// (PayPal's last about 9 hours). Concurrent callers share one token request.
const cache = new Map<string, Token>();
const inFlight = new Map<string, Promise<Token>>();

export type FetchAccessTokenOptions = { config: PaypalConfig; refresh?: boolean };

export async function fetchAccessToken({ config, refresh = false }: FetchAccessTokenOptions): Promise<string> {
  const { clientId, clientSecret, apiBase } = config;
  if (!clientId || !clientSecret) {
    throw new AppError("paypal_unavailable", "PayPal checkout is not configured on this site (PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET).");
  }
  const key = `${apiBase}|${clientId}`;
  const cached = cache.get(key);
  if (!refresh && cached && cached.expiresAt > Date.now()) return cached.value;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = requestToken(apiBase, clientId, clientSecret).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  const token = await pending;
  cache.set(key, token);
  return token.value;
}

async function requestToken(apiBase: string, clientId: string, clientSecret: string): Promise<Token> {
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(`${apiBase}/v1/oauth2/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: "grant_type=client_credentials",
      signal: AbortSignal.timeout(PAYPAL_TIMEOUT_MS),
    });
  } catch (error) {
    console.error("[paypal] OAuth token request failed:", error);
    throw new AppError("paypal_unavailable", "PayPal could not be reached. Try again in a moment.");
  }
  const parsed = ZAccessToken.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) {
    console.error(`[paypal] OAuth token refused: HTTP ${response.status}`);
    throw new AppError("paypal_unavailable", "PayPal refused the site's credentials. Tell the site's admin.");
  }
  const lifetimeMs = parsed.data.expires_in * 1000;
  return { value: parsed.data.access_token, expiresAt: started + Math.max(lifetimeMs - 60_000, lifetimeMs / 2) };
}
