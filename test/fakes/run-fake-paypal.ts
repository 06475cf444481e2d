import { startFakePaypal } from "./fake-paypal";

// The fake PayPal as a process of its own, for Playwright's webServer (playwright.config.ts): the site
// under test talks to it over HTTP; tests steer it through its /__fake/* endpoints.
const port = Number(process.env.FAKE_PAYPAL_PORT ?? 3199);
const fake = await startFakePaypal({
  port,
  clientId: process.env.PAYPAL_CLIENT_ID,
  clientSecret: process.env.PAYPAL_CLIENT_SECRET,
  receiverEmail: process.env.PAYPAL_RECEIVER_EMAIL,
});
console.log(`Fake PayPal on ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
