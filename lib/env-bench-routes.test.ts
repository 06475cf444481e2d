import { afterEach, describe, expect, it, vi } from "vitest";

// The bench's no-op route (app/api/bench/noop) is not part of the site: it answers a JSON 404 unless
// the bench server turns it on with BENCH_ROUTES=true.

const base = { AUTH_SECRET: "a".repeat(40), CHAT_API_SECRET: "c".repeat(40) };

async function noopWith(flag: string | undefined): Promise<Response> {
  vi.resetModules();
  vi.stubEnv("AUTH_SECRET", base.AUTH_SECRET);
  vi.stubEnv("CHAT_API_SECRET", base.CHAT_API_SECRET);
  vi.stubEnv("BENCH_ROUTES", flag);
  const { GET } = await import("@/app/api/bench/noop/route");
  return GET();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the bench-only no-op route", () => {
  it("is a JSON 404 unless BENCH_ROUTES=true", async () => {
    for (const flag of [undefined, "", "false"]) {
      const response = await noopWith(flag);
      expect(response.status, String(flag)).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    const on = await noopWith("true");
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ ok: true });
  });

  it("refuses a malformed flag at start-up", async () => {
    const { parseEnv } = await import("@/lib/env");
    expect(() => parseEnv({ ...base, BENCH_ROUTES: "yes" })).toThrow(/BENCH_ROUTES/);
    expect(parseEnv(base).BENCH_ROUTES).toBe(false);
  });
});
