import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sign } from "@/lib/chat-api-client/chat-api-client";
import { verifySignature, type SignedRequest } from "./verify-signature";

const secret = "s".repeat(40);
const now = new Date("2026-11-22T12:00:00Z");
const ts = String(now.getTime() / 1000);
const path = "/api/chat/v1/tips";
const key = "tip-7-42";
const body = '{"userId":7,"performerId":3,"credits":10}';
const bytes = (text: string) => new TextEncoder().encode(text);

function request(overrides: Partial<SignedRequest> = {}): SignedRequest {
  return {
    secret, method: "POST", path, idempotencyKey: key, body: bytes(body), timestamp: ts,
    signature: sign({ secret, timestamp: ts, method: "POST", path, idempotencyKey: key, body }), now, ...overrides,
  };
}

const outcome = (input: SignedRequest) => {
  try {
    verifySignature(input);
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

const messageOf = (input: SignedRequest) => {
  try {
    verifySignature(input);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("verifySignature (contract v1.1, v2=)", () => {
  it("accepts a request signed as API.md describes, with an upper-case hex digest too", () => {
    expect(outcome(request())).toBe("ok");
    const upper = request().signature!.replace(/^v2=(.*)$/, (_m, hex: string) => `v2=${hex.toUpperCase()}`);
    expect(outcome(request({ signature: upper }))).toBe("ok");
  });

  it("matches an HMAC computed by hand over the five documented lines", () => {
    const hex = createHmac("sha256", secret).update(`${ts}\nPOST\n${path}\n${key}\n${body}`).digest("hex");
    expect(outcome(request({ signature: `v2=${hex}` }))).toBe("ok");
  });

  it("signs the empty string for an absent Idempotency-Key (a GET)", () => {
    const hex = createHmac("sha256", secret).update(`${ts}\nGET\n/api/chat/v1/performers?status=online\n\n`).digest("hex");
    const get = request({ method: "GET", path: "/api/chat/v1/performers?status=online", idempotencyKey: null, body: bytes(""), signature: `v2=${hex}` });
    expect(outcome(get)).toBe("ok");
    expect(outcome({ ...get, idempotencyKey: "k" })).toBe("invalid_signature");
  });

  it("refuses a wrong secret, another path, query, method, body or Idempotency-Key", () => {
    expect(outcome(request({ secret: "t".repeat(40) }))).toBe("invalid_signature");
    expect(outcome(request({ path: "/api/chat/v1/shows" }))).toBe("invalid_signature");
    expect(outcome(request({ path: `${path}?x=1` }))).toBe("invalid_signature");
    expect(outcome(request({ method: "PUT" }))).toBe("invalid_signature");
    expect(outcome(request({ body: bytes(body.replace("10", "11")) }))).toBe("invalid_signature");
    expect(outcome(request({ body: bytes("") }))).toBe("invalid_signature");
    expect(outcome(request({ idempotencyKey: "tip-7-43" }))).toBe("invalid_signature");
    expect(outcome(request({ idempotencyKey: null }))).toBe("invalid_signature");
    expect(outcome(request({ idempotencyKey: "" }))).toBe("invalid_signature");
  });

  it("keeps the fields apart: moving text between the key and the body breaks the signature", () => {
    const shifted = sign({ secret, timestamp: ts, method: "POST", path, idempotencyKey: `${key}\n{`, body: body.slice(1) });
    expect(outcome(request({ signature: shifted }))).toBe("invalid_signature");
  });

  it("refuses a signature made for another timestamp", () => {
    expect(outcome(request({ timestamp: String(Number(ts) + 1) }))).toBe("invalid_signature");
  });

  it("refuses a timestamp more than 300 s away, either way, but only once the MAC is right", () => {
    const at = (offset: number) => {
      const t = String(Number(ts) + offset);
      return request({ timestamp: t, signature: sign({ secret, timestamp: t, method: "POST", path, idempotencyKey: key, body }) });
    };
    expect(outcome(at(-300))).toBe("ok");
    expect(outcome(at(300))).toBe("ok");
    expect(outcome(at(-301))).toBe("stale_timestamp");
    expect(outcome(at(301))).toBe("stale_timestamp");
    expect(outcome(at(86_400 * 365))).toBe("stale_timestamp");
    expect(outcome({ ...at(-301), secret: "t".repeat(40) })).toBe("invalid_signature");
  });

  it("refuses v1 signatures, even correct ones, with a message that says to sign with v2", () => {
    const v1 = `v1=${createHmac("sha256", secret).update(`${ts}.POST.${path}.${body}`).digest("hex")}`;
    expect(outcome(request({ signature: v1 }))).toBe("invalid_signature");
    expect(messageOf(request({ signature: v1 }))).toMatch(/sign with v2/);
  });

  it("refuses missing and malformed headers", () => {
    const good = request().signature!;
    for (const signature of [null, "", "v2=", good.slice(3), `v3=${good.slice(3)}`, `${good}00`, good.slice(0, -1), "v2=" + "z".repeat(64)]) {
      expect(outcome(request({ signature }))).toBe("invalid_signature");
    }
    for (const timestamp of [null, "", "abc", "-1", "1.5", "1e9", ` ${ts}`]) {
      expect(outcome(request({ timestamp }))).toBe("invalid_signature");
    }
  });

  it("authenticates bodies that are not valid UTF-8 by their bytes", () => {
    const raw = new Uint8Array([0x7b, 0xff, 0x7d]);
    const hex = createHmac("sha256", secret).update(`${ts}\nPOST\n${path}\n${key}\n`).update(raw).digest("hex");
    expect(outcome(request({ body: raw, signature: `v2=${hex}` }))).toBe("ok");
    expect(outcome(request({ body: new Uint8Array([0x7b, 0xfe, 0x7d]), signature: `v2=${hex}` }))).toBe("invalid_signature");
  });
});
