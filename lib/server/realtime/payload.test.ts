import { describe, expect, it } from "vitest";
import { encodeNotification, MAX_MESSAGE_BYTES, PART_BYTES, PartAssembler } from "./payload";

describe("NOTIFY payload parts", () => {
  it("sends a short message as is", () => {
    const text = JSON.stringify({ t: "chat", text: "hi" });
    expect(encodeNotification(text)).toEqual([text]);
    expect(new PartAssembler().accept(text)).toBe(text);
  });

  it("splits a long message below PostgreSQL's 8000-byte limit and puts it back together in any order", () => {
    // Multi-byte characters at every position: no part may cut one in two.
    const text = JSON.stringify({ sdp: "v=0\r\n".repeat(2000) + "é€😀".repeat(1500) });
    const parts = encodeNotification(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThan(8000);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(PART_BYTES + 40);
    const assembler = new PartAssembler();
    const shuffled = [...parts].reverse();
    const results = shuffled.map((part) => assembler.accept(part));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toBe(text);
    expect(assembler.size).toBe(0);
  });

  it("ignores a repeated part, drops incomplete messages after the TTL, and refuses huge messages", () => {
    const parts = encodeNotification("x".repeat(PART_BYTES * 2 + 5));
    const assembler = new PartAssembler(1000);
    expect(assembler.accept(parts[0]!, 0)).toBeNull();
    expect(assembler.accept(parts[0]!, 10)).toBeNull();
    expect(assembler.size).toBe(1);
    expect(new PartAssembler().accept("~0123456789abcdef:5:2:bad")).toBeNull();
    // Much later: the incomplete message is gone, so its last parts alone complete nothing.
    expect(assembler.accept(parts[1]!, 5000)).toBeNull();
    expect(assembler.accept(parts[2]!, 5001)).toBeNull();
    expect(() => encodeNotification("x".repeat(MAX_MESSAGE_BYTES + 1))).toThrow(/limit/);
  });
});
