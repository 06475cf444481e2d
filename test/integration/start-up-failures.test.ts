import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseError, startEmbeddedDatabase } from "@/lib/db/embedded";

const tsx = path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs");

function runLauncher(env: Record<string, string>) {
  return spawnSync(process.execPath, [tsx, "--conditions=react-server", "scripts/migrate.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("start-up refuses a broken setup with a clear message", () => {
  it("names each malformed variable and touches nothing", () => {
    const result = runLauncher({ AUTH_SECRET: "x".repeat(40), CHAT_API_SECRET: "y".repeat(40), CHAT_PROVIDER: "skype", PAYPAL_CURRENCY: "dollars" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("CHAT_PROVIDER");
    expect(result.stderr).toContain("PAYPAL_CURRENCY");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ppv-embedded-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a second database on the same data folder, and the first keeps running", async () => {
    const first = await startEmbeddedDatabase({ dataDir, port: 54361, database: "ppv" });
    try {
      await expect(startEmbeddedDatabase({ dataDir, port: 54362, database: "ppv" })).rejects.toThrow(EmbeddedDatabaseError);
      await expect(startEmbeddedDatabase({ dataDir, port: 54362, database: "ppv" })).rejects.toThrow(/already in use/);
      const pg = await import("pg");
      const client = new pg.default.Client({ connectionString: first.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
      await client.end();
    } finally {
      await first.stop();
    }
  });
});
