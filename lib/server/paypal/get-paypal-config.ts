import "server-only";
import { loadEnv } from "@/lib/env";

export type PaypalConfig = {
  mode: "sandbox" | "live";
  /** Orders v2 / OAuth base URL, without a trailing slash. */
  apiBase: string;
  ipnVerifyUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  currency: string;
  appUrl: string;
  webmasterId: number;
};

/** The PAYPAL_* variables (validated by lib/env.ts), in the shape the PayPal code uses. */
export function getPaypalConfig(): PaypalConfig {
  const env = loadEnv();
  return {
    mode: env.PAYPAL_MODE,
    apiBase: env.PAYPAL_API_BASE.replace(/\/+$/, ""),
    ipnVerifyUrl: env.PAYPAL_IPN_VERIFY_URL,
    clientId: env.PAYPAL_CLIENT_ID,
    clientSecret: env.PAYPAL_CLIENT_SECRET,
    currency: env.PAYPAL_CURRENCY,
    appUrl: env.APP_URL,
    webmasterId: env.WEBMASTER_ID ?? 0,
  };
}
