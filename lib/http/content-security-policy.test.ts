import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, strictTransportSecurity } from "./content-security-policy";

const parse = (csp: string) => new Map(csp.split("; ").map((part) => [part.split(" ")[0]!, part.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("lets only this request's nonce (and what it loads) run scripts, and no site frame the pages", () => {
    const csp = parse(contentSecurityPolicy({ nonce: "abc123", dev: false, appUrl: "http://localhost:3000" }));
    expect(csp.get("script-src")).toEqual(expect.arrayContaining(["'self'", "'nonce-abc123'", "'strict-dynamic'", "https://*.paypal.com"]));
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toContain("https://*.paypal.com");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval for next dev, the chat host, https upgrades and extra sources", () => {
    const csp = parse(
      contentSecurityPolicy({ nonce: "n", dev: true, appUrl: "https://cams.example.com", chatScriptOrigin: "http://127.0.0.1:4000", extra: { "connect-src": ["wss://media.example.com"], "worker-src": ["blob:"] } }),
    );
    expect(csp.get("script-src")).toEqual(expect.arrayContaining(["'unsafe-eval'", "http://127.0.0.1:4000"]));
    expect(csp.get("connect-src")).toEqual(expect.arrayContaining(["'self'", "wss://media.example.com"]));
    expect(csp.get("worker-src")).toEqual(["blob:"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("strictTransportSecurity", () => {
  it("is sent only when the site is https", () => {
    expect(strictTransportSecurity("http://localhost:3000")).toBeUndefined();
    expect(strictTransportSecurity("https://cams.example.com")).toMatch(/^max-age=\d+/);
  });
});
