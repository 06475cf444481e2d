import { describe, expect, it } from "vitest";
import { participantId, participantToken } from "./janus-video-server";

const room = (secret: string) => ({ performerId: 1, server: "http://127.0.0.1:8088/janus", roomId: 42, secret });

describe("participant ids and tokens", () => {
  it("are the same on every app instance for one room and user", () => {
    expect(participantToken(room("s1"), 7)).toBe(participantToken(room("s1"), 7));
    expect(participantId(room("s1"), 7)).toBe(participantId(room("s1"), 7));
  });

  it("differ between users and between rooms (a new live session gets new ones)", () => {
    expect(participantToken(room("s1"), 7)).not.toBe(participantToken(room("s1"), 8));
    expect(participantToken(room("s1"), 7)).not.toBe(participantToken(room("s2"), 7));
    expect(participantId(room("s1"), 7)).not.toBe(participantId(room("s1"), 8));
    expect(participantId(room("s1"), 7)).not.toBe(participantId(room("s2"), 7));
  });

  it("ids are positive safe integers (they travel as JSON numbers to the browser)", () => {
    for (let user = 0; user < 200; user++) {
      const id = participantId(room("secret"), user);
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(0);
    }
  });
});
