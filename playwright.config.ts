import { defineConfig, devices } from "@playwright/test";

// End-to-end against a production build (`npm run build` first) served by the same launcher as
// `npm start`, on its own embedded database that is recreated for every run.
const PORT = 3100;
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
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
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "rm -rf .data/e2e-postgres && node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/serve.ts",
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      EMBEDDED_PG_DIR: ".data/e2e-postgres",
      EMBEDDED_PG_PORT: "54332",
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      CHAT_API_SECRET: "e2e-chat-secret-0123456789abcdef0123456789",
      SEED_DEMO: "true",
      DATABASE_URL: "",
    },
  },
});
