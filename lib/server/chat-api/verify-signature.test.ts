import { describe, expect, it } from "vitest";
import { sign } from "@/lib/chat-api-client/chat-api-client";
import { verifySignature, type SignedRequest } from "./verify-signature";

const secret = "s".repeat(40);
const now = new Date("2026-11-22T12:00:00Z");
const ts = String(now.getTime() / 1000);
const path = "/api/chat/v1/tips";
const body = '{"userId":7,"performerId":3,"credits":10}';
const bytes = (text: string) => new TextEncoder().encode(text);

function request(overrides: Partial<SignedRequest> = {}): SignedRequest {
  return {
    secret, method: "POST", path, body: bytes(body), timestamp: ts,
    signature: sign({ secret, timestamp: ts, method: "POST", path, body }), now, ...overrides,
  };
}

const codeOf = (input: SignedRequest) => {
  try {
    verifySignature(input);
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("verifySignature", () => {
  it("accepts a request signed as API.md describes, with an upper-case hex digest too", () => {
    expect(codeOf(request())).toBe("ok");
    const upper = request().signature!.replace(/^v1=(.*)$/, (_m, hex: string) => `v1=${hex.toUpperCase()}`);
    expect(codeOf(request({ signature: upper }))).toBe("ok");
  });

  it("matches an HMAC computed by hand over the documented string", async () => {
    const { createHmac } = await import("node:crypto");
    const hex = createHmac("sha256", secret).update(`${ts}.POST.${path}.${body}`).digest("hex");
    expect(codeOf(request({ signature: `v1=${hex}` }))).toBe("ok");
  });

  it("refuses a wrong secret, another path, query, method or body", () => {
    expect(codeOf(request({ secret: "t".repeat(40) }))).toBe("invalid_signature");
    expect(codeOf(request({ path: "/api/chat/v1/shows" }))).toBe("invalid_signature");
    expect(codeOf(request({ path: `${path}?x=1` }))).toBe("invalid_signature");
    expect(codeOf(request({ method: "PUT" }))).toBe("invalid_signature");
    expect(codeOf(request({ body: bytes(body.replace("10", "11")) }))).toBe("invalid_signature");
    expect(codeOf(request({ body: bytes("") }))).toBe("invalid_signature");
  });

  it("refuses a signature made for another timestamp", () => {
    expect(codeOf(request({ timestamp: String(Number(ts) + 1) }))).toBe("invalid_signature");
  });

  it("refuses a timestamp more than 300 s away, either way, but only once the MAC is right", () => {
    const at = (offset: number) => {
      const t = String(Number(ts) + offset);
      return request({ timestamp: t, signature: sign({ secret, timestamp: t, method: "POST", path, body }) });
    };
    expect(codeOf(at(-300))).toBe("ok");
    expect(codeOf(at(300))).toBe("ok");
    expect(codeOf(at(-301))).toBe("stale_timestamp");
    expect(codeOf(at(301))).toBe("stale_timestamp");
    expect(codeOf(at(86_400 * 365))).toBe("stale_timestamp");
    expect(codeOf({ ...at(-301), secret: "t".repeat(40) })).toBe("invalid_signature");
  });

  it("refuses missing and malformed headers", () => {
    const good = request().signature!;
    for (const signature of [null, "", "v1=", good.slice(3), `v2=${good.slice(3)}`, `${good}00`, good.slice(0, -1), "v1=" + "z".repeat(64)]) {
      expect(codeOf(request({ signature }))).toBe("invalid_signature");
    }
    for (const timestamp of [null, "", "abc", "-1", "1.5", "1e9", ` ${ts}`]) {
      expect(codeOf(request({ timestamp }))).toBe("invalid_signature");
    }
  });

  it("authenticates bodies that are not valid UTF-8 by their bytes", async () => {
    const { createHmac } = await import("node:crypto");
    const raw = new Uint8Array([0x7b, 0xff, 0x7d]);
    const hex = createHmac("sha256", secret).update(`${ts}.POST.${path}.`).update(raw).digest("hex");
    expect(codeOf(request({ body: raw, signature: `v1=${hex}` }))).toBe("ok");
    expect(codeOf(request({ body: new Uint8Array([0x7b, 0xfe, 0x7d]), signature: `v1=${hex}` }))).toBe("invalid_signature");
  });
});
