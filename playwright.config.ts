import { defineConfig, devices } from "@playwright/test";
import { SMTP_SINK_HTTP_PORT, SMTP_SINK_PORT, SMTP_SINK_URL } from "./e2e/accounts/mail-sink";
import { FAKE_PAYPAL_ENV, FAKE_PAYPAL_PORT, FAKE_PAYPAL_URL } from "./e2e/paypal/fake-paypal-env";

// End-to-end against a production build (`npm run build` first) served by the same launcher as
// `npm start`, on its own embedded database that is recreated for every run.
// Ports are overridable so two suites can run side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = process.env.E2E_PG_PORT ?? "54332";
const baseURL = `http://localhost:${PORT}`;

/**
 * The site under test as `npm start` runs it (a production build, the launcher, demo data), on a
 * fresh embedded database of its own; `env` adds what a suite needs (fakes, a media server).
 */
export function appServer(options: { port: number; pgPort: string; env: Record<string, string> }) {
  const pgDir = `.data/e2e-postgres-${options.pgPort}`;
  const url = `http://localhost:${options.port}`;
  return {
    command: `rm -rf ${pgDir} && node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/serve.ts`,
    url: `${url}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      PORT: String(options.port),
      APP_URL: url,
      EMBEDDED_PG_DIR: pgDir,
      EMBEDDED_PG_PORT: options.pgPort,
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      CHAT_API_SECRET: "e2e-chat-secret-0123456789abcdef0123456789",
      SEED_DEMO: "true",
      DATABASE_URL: "",
      ...options.env,
    },
  };
}

const HEAVY_SPEC = "**/room/video-cap.spec.ts";

export default defineConfig({
  testDir: "e2e",
  // Janus mode has its own server set-up: playwright.video.config.ts.
  testIgnore: ["video/**"],
  fullyParallel: true,
  // One browser-heavy spec at a time on CI's two cores: with two workers, each run had one or two
  // timed steps (a status reaching the wall, a chat line) miss under the other spec's load.
  workers: process.env.CI ? 1 : 2,
  // A server action or a page load behind two busy browsers on a two-core CI machine can take several
  // seconds (the group show's join, a sign-out's redirect); a missed step still fails within 15 s.
  expect: { timeout: 15_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    // Every browser has confirmed the optional 18+ notice (Admin → Brand), so a test that turns it on
    // never blocks the others; the notice's own test starts without this cookie.
    storageState: { cookies: [{ name: "adult_ok", value: "1", domain: "localhost", path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" }], origins: [] },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // The built-in room's WebRTC video: a synthetic camera and microphone, permission granted.
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: ["video/**", HEAVY_SPEC] },
    // Nine browsers each decoding the performer's camera load both cores for minutes: this spec runs
    // alone after the others, so that neither slows the other's timed steps.
    { name: "chromium-heavy", use: { ...devices["Desktop Chrome"] }, testMatch: HEAVY_SPEC, dependencies: ["chromium"] },
  ],
  webServer: [
    appServer({
      port: PORT,
      pgPort: PG_PORT,
      env: {
        // Server-side PayPal calls go to the fake below; the browser's SDK is faked with page.route.
        ...FAKE_PAYPAL_ENV,
        // Password reset, e-mail confirmation and "now live" e-mails go to the local SMTP sink below.
        SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
      },
    }),
    {
      command: "node node_modules/tsx/dist/cli.mjs test/fakes/run-smtp-sink.ts",
      url: `${SMTP_SINK_URL}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { SMTP_SINK_PORT: String(SMTP_SINK_PORT), SMTP_SINK_HTTP_PORT: String(SMTP_SINK_HTTP_PORT) },
    },
    {
      command: "node node_modules/tsx/dist/cli.mjs test/fakes/run-fake-paypal.ts",
      url: `${FAKE_PAYPAL_URL}/__fake/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { FAKE_PAYPAL_PORT: String(FAKE_PAYPAL_PORT), ...FAKE_PAYPAL_ENV },
    },
  ],
});
