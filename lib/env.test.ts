import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = { AUTH_SECRET: "a".repeat(32), CHAT_API_SECRET: "b".repeat(32) };

describe("parseEnv", () => {
  it("applies safe local defaults", () => {
    const env = parseEnv(valid);
    expect(env.CHAT_PROVIDER).toBe("builtin");
    expect(env.PAYPAL_CURRENCY).toBe("USD");
    expect(env.PAYPAL_API_BASE).toContain("sandbox");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(true);
  });

  it("names each missing or malformed variable", () => {
    try {
      parseEnv({ AUTH_SECRET: "short", CHAT_PROVIDER: "skype", PAYPAL_CURRENCY: "usd" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      for (const name of ["AUTH_SECRET", "CHAT_API_SECRET", "CHAT_PROVIDER", "PAYPAL_CURRENCY"]) {
        expect(message).toContain(name);
      }
    }
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x@localhost/db" })).toThrow(/DATABASE_URL/);
  });

  it("reads the html5-chat login URL and the ICE servers, with safe defaults", () => {
    const defaults = parseEnv(valid);
    expect(defaults.HTML5CHAT_JWT_URL).toBe("https://jwt.html5-chat.com");
    expect(defaults.ICE_SERVERS).toEqual([]);
    const set = parseEnv({
      ...valid,
      HTML5CHAT_JWT_URL: "http://127.0.0.1:4000",
      ICE_SERVERS: '[{"urls":"stun:stun.example.com:3478"},{"urls":["turn:t.example.com"],"username":"u","credential":"p"}]',
    });
    expect(set.HTML5CHAT_JWT_URL).toBe("http://127.0.0.1:4000");
    expect(set.ICE_SERVERS).toHaveLength(2);
    expect(() => parseEnv({ ...valid, ICE_SERVERS: "not json" })).toThrow(/ICE_SERVERS/);
    expect(() => parseEnv({ ...valid, ICE_SERVERS: '[{"urls":"http://x"}]' })).toThrow(/ICE_SERVERS/);
  });

  it("defaults APP_URL to the port the site listens on, so links and sign-out stay on it", () => {
    expect(parseEnv({ ...valid, PORT: "3999" }).APP_URL).toBe("http://localhost:3999");
    expect(parseEnv({ ...valid, PORT: "3999", APP_URL: "" }).APP_URL).toBe("http://localhost:3999");
    expect(parseEnv(valid).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ ...valid, PORT: "3999", APP_URL: "https://cams.example.com" }).APP_URL).toBe("https://cams.example.com");
    expect(() => parseEnv({ ...valid, APP_URL: "ftp://cams.example.com" })).toThrow(/APP_URL/);
  });

  it("trusts no proxy unless told how many hops append to X-Forwarded-For", () => {
    expect(parseEnv(valid).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...valid, TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    for (const bad of ["-1", "1.5", "many", "11"]) expect(() => parseEnv({ ...valid, TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("video server settings", () => {
  const janus = {
    VIDEO_SERVER: "http://127.0.0.1:8088/janus, http://10.0.0.2:8088/janus",
    VIDEO_PUBLIC_URLS: "wss://video.example.com/j1,wss://video.example.com/j2",
    VIDEO_ADMIN_URLS: "http://127.0.0.1:7088/admin,http://10.0.0.2:7088/admin",
    VIDEO_ADMIN_SECRET: "s".repeat(16),
    VIDEO_ROOM_ADMIN_KEY: "k".repeat(16),
  };

  it("unset means peer to peer", () => {
    expect(parseEnv(valid).VIDEO_SERVER).toEqual([]);
  });

  it("reads comma-separated Janus servers", () => {
    const env = parseEnv({ ...valid, ...janus });
    expect(env.VIDEO_SERVER).toEqual(["http://127.0.0.1:8088/janus", "http://10.0.0.2:8088/janus"]);
    expect(env.VIDEO_PUBLIC_URLS).toHaveLength(2);
  });

  it("needs one public and one admin URL per server, and both secrets", () => {
    expect(() => parseEnv({ ...valid, ...janus, VIDEO_PUBLIC_URLS: "wss://video.example.com/j1" })).toThrow(/VIDEO_PUBLIC_URLS/);
    expect(() => parseEnv({ ...valid, ...janus, VIDEO_ADMIN_SECRET: "" })).toThrow(/VIDEO_ADMIN_SECRET/);
    expect(() => parseEnv({ ...valid, ...janus, VIDEO_PUBLIC_URLS: "http://a/j,http://b/j" })).toThrow(/WebSocket/);
  });
});
