import { defineConfig, devices } from "@playwright/test";
import base, { appServer } from "./playwright.config";

// The built-in room with a media server: two Janus processes on loopback (scripts/janus.ts) and the
// site started with VIDEO_SERVER naming both. Same production build and browser as the main suite.
// Ports are overridable so suites can run side by side on one machine.
const PORT = Number(process.env.E2E_VIDEO_PORT ?? 3140);
const PG_PORT = process.env.E2E_VIDEO_PG_PORT ?? "54342";
const JANUS_PORTS = (process.env.E2E_JANUS_PORTS ?? "7350,7360").split(",").map(Number);
const baseURL = `http://localhost:${PORT}`;
const ADMIN_SECRET = "e2e-janus-admin-secret-0123456789";
const ROOM_ADMIN_KEY = "e2e-janus-room-key-0123456789";

// The specs' database helpers (e2e/room/db.ts) and Janus helpers read these.
process.env.E2E_PG_PORT = PG_PORT;
process.env.E2E_JANUS_PORTS = JANUS_PORTS.join(",");

const janus = JANUS_PORTS.map((port) => ({ api: `http://127.0.0.1:${port}/janus`, ws: `ws://127.0.0.1:${port + 2}`, admin: `http://127.0.0.1:${port + 1}/admin` }));

export default defineConfig({
  ...base,
  testDir: "e2e/video",
  testIgnore: [],
  // The base config's projects split its own specs; here every spec of e2e/video runs in one.
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The last spec stops the Janus servers: one worker, files in order.
  workers: 1,
  fullyParallel: false,
  use: { ...base.use, baseURL },
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs scripts/janus.ts ${JANUS_PORTS.join(" ")}`,
      url: `${janus[janus.length - 1]!.api}/info`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { JANUS_ADMIN_SECRET: ADMIN_SECRET, JANUS_ROOM_ADMIN_KEY: ROOM_ADMIN_KEY, JANUS_QUIET: "1" },
    },
    appServer({
      port: PORT,
      pgPort: PG_PORT,
      env: {
        VIDEO_SERVER: janus.map((j) => j.api).join(","),
        VIDEO_PUBLIC_URLS: janus.map((j) => j.ws).join(","),
        VIDEO_ADMIN_URLS: janus.map((j) => j.admin).join(","),
        VIDEO_ADMIN_SECRET: ADMIN_SECRET,
        VIDEO_ROOM_ADMIN_KEY: ROOM_ADMIN_KEY,
      },
    }),
  ],
});
