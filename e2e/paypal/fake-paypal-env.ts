// The fake PayPal that end-to-end tests run beside the site (playwright.config.ts starts it as a second
// webServer): its address and credentials, and the PAYPAL_* variables that point the site at it.

export const FAKE_PAYPAL_PORT = Number(process.env.E2E_PAYPAL_PORT ?? 3199);
export const FAKE_PAYPAL_URL = `http://127.0.0.1:${FAKE_PAYPAL_PORT}`;

export const FAKE_PAYPAL_ENV = {
  PAYPAL_MODE: "sandbox",
  PAYPAL_API_BASE: FAKE_PAYPAL_URL,
  PAYPAL_IPN_VERIFY_URL: `${FAKE_PAYPAL_URL}/cgi-bin/webscr`,
  PAYPAL_CLIENT_ID: "e2e-fake-paypal-client-id",
  PAYPAL_CLIENT_SECRET: "e2e-fake-paypal-client-secret",
  PAYPAL_RECEIVER_EMAIL: "merchant@example.com",
  PAYPAL_CURRENCY: "USD",
} as const;
