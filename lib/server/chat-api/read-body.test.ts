import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, parseJsonBody, readBody } from "./read-body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/chat/v1/tips", { method: "POST", body, headers });

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (error: { code: string }) => error.code);

/** A body streamed in chunks, with no Content-Length. */
function streamed(size: number, chunk = 1000): Request {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk, size - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
}

describe("readBody", () => {
  it("returns the raw bytes, up to exactly 16 KiB", async () => {
    expect(new TextDecoder().decode(await readBody(post('{"a":1}')))).toBe('{"a":1}');
    expect((await readBody(post("x".repeat(MAX_BODY_BYTES)))).byteLength).toBe(MAX_BODY_BYTES);
    expect((await readBody(post(null))).byteLength).toBe(0);
  });

  it("refuses a body one byte over the limit, by Content-Length or by the bytes read", async () => {
    expect(await codeOf(readBody(post("x".repeat(MAX_BODY_BYTES + 1))))).toBe("payload_too_large");
    expect(await codeOf(readBody(post("{}", { "content-length": String(17 * 1024) })))).toBe("payload_too_large");
    expect(await codeOf(readBody(streamed(MAX_BODY_BYTES + 1)))).toBe("payload_too_large");
    expect((await readBody(streamed(MAX_BODY_BYTES))).byteLength).toBe(MAX_BODY_BYTES);
  });

  it("counts bytes, not characters", async () => {
    expect(await codeOf(readBody(post("é".repeat(MAX_BODY_BYTES / 2 + 1))))).toBe("payload_too_large");
  });
});

describe("parseJsonBody", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("parses JSON and treats an empty body as absent", () => {
    expect(parseJsonBody(bytes('{"showIds":[1,2]}'))).toEqual({ showIds: [1, 2] });
    expect(parseJsonBody(bytes("{}"))).toEqual({});
    expect(parseJsonBody(new Uint8Array(0))).toBeUndefined();
  });

  it("answers invalid_json for malformed JSON, whitespace only and bad UTF-8", () => {
    for (const input of [bytes("{"), bytes("{'a':1}"), bytes("   "), bytes("undefined"), new Uint8Array([0x7b, 0xff, 0x7d])]) {
      expect(() => parseJsonBody(input)).toThrow(expect.objectContaining({ code: "invalid_json" }));
    }
  });

  it("copes with deep nesting within the size limit", () => {
    const deep = "[".repeat(MAX_BODY_BYTES / 2) + "]".repeat(MAX_BODY_BYTES / 2);
    expect(() => parseJsonBody(bytes(deep))).not.toThrow();
  });
});
