import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/studio", "/studio"],
    ["/performers/ava-rose?tab=chat#top", "/performers/ava-rose?tab=chat#top"],
    ["/admin/reports?from=2026-01-01&to=2026-02-01", "/admin/reports?from=2026-01-01&to=2026-02-01"],
    ["http://localhost:3000/account", "/account"],
    ["account", "/account"],
    // Percent-encoded, the tab is just part of a path on this site.
    ["/%09/evil.example", "/%09/evil.example"],
    // Same scheme without slashes is a relative path, for URL and for browsers alike.
    ["http:evil.example", "/evil.example"],
  ])("keeps the same-origin path %j", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "//evil.example",
    "///evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http://localhost:3001/account",
    "https://localhost:3000/account",
    "http://user@evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " //evil.example",
    "\n//evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "",
    "http://[::1",
  ])("refuses %j", (raw) => {
    const path = safeCallbackPath(raw, ORIGIN);
    expect(path).toBe("/");
  });

  it("refuses what is not a string", () => {
    for (const raw of [undefined, null, 42, ["/a", "/b"], { href: "/x" }]) expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it("whatever it returns stays on the site when a browser resolves it", () => {
    for (const raw of ["/\\evil.example", "/%2F/evil.example", "/%5Cevil.example", "/.//evil.example", "/a/../\\evil.example"]) {
      expect(new URL(safeCallbackPath(raw, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
