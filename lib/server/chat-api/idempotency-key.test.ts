import { describe, expect, it } from "vitest";
import { readIdempotencyKey, requestFingerprint } from "./idempotency-key";

const codeOf = (value: string | null) => {
  const headers = new Headers();
  if (value !== null) headers.set("idempotency-key", value);
  try {
    return readIdempotencyKey(headers);
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("readIdempotencyKey", () => {
  it("accepts 1..255 printable ASCII characters", () => {
    expect(codeOf("a")).toBe("a");
    expect(codeOf("k".repeat(255))).toBe("k".repeat(255));
    expect(codeOf("tip 7/3 ~!@#$%^&*()")).toBe("tip 7/3 ~!@#$%^&*()");
    expect(codeOf("550e8400-e29b-41d4-a716-446655440000")).toBe("550e8400-e29b-41d4-a716-446655440000");
  });

  it("answers idempotency_key_required when it is missing, empty, too long or not printable ASCII", () => {
    for (const value of [null, "", "   ", "k".repeat(256), "clé", "a\tb"]) {
      expect(codeOf(value)).toBe("idempotency_key_required");
    }
  });
});

describe("requestFingerprint", () => {
  const body = new TextEncoder().encode('{"a":1}');

  it("depends on method, path and body, and on nothing else", () => {
    const base = requestFingerprint("POST", "/p", body);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint("POST", "/p", new TextEncoder().encode('{"a":1}'))).toBe(base);
    expect(requestFingerprint("PUT", "/p", body)).not.toBe(base);
    expect(requestFingerprint("POST", "/p?x", body)).not.toBe(base);
    expect(requestFingerprint("POST", "/p", new TextEncoder().encode('{"a": 1}'))).not.toBe(base);
  });
});
