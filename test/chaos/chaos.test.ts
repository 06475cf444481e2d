import { describe, expect, it } from "vitest";
import { runChaos } from "@/scripts/chaos/chaos";
import { formatSummary } from "@/scripts/chaos/format-summary";
import { CHAOS_DEFAULTS } from "@/scripts/chaos/options";

// The chaos run, small: 500 mixed signed requests and IPNs against the production build (`npm run
// build` first) started like `npm start`, one SIGKILL of the whole site in the middle and a restart,
// then the money checks. Ports: CHAOS_PORT, CHAOS_PG_PORT, CHAOS_PAYPAL_PORT.

describe("chaos run (500 requests, one kill)", () => {
  it("keeps the money right", async () => {
    const summary = await runChaos(
      {
        ...CHAOS_DEFAULTS,
        requests: 500,
        clients: 24,
        kills: 1,
        build: false,
        port: Number(process.env.CHAOS_PORT ?? 3342),
        pgPort: Number(process.env.CHAOS_PG_PORT ?? 55401),
        paypalPort: Number(process.env.CHAOS_PAYPAL_PORT ?? 3343),
      },
      () => undefined,
    );
    console.log(formatSummary(summary));
    expect(summary.kills).toHaveLength(1);
    expect(summary.resentAfterRestart).toBeGreaterThan(0);
    expect(summary.gaveUp).toBe(0);
    expect(summary.checks.filter((check) => !check.ok)).toEqual([]);
    expect(summary.ok).toBe(true);
  });
});
