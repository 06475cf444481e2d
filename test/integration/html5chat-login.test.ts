import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildChatLogin, type BuildChatLoginOptions } from "@/lib/server/html5chat/build-chat-login";

// A fake of html5-chat's JWT service over real HTTP: /protect/<base64 JSON> answers a token, like
// https://jwt.html5-chat.com does; `mode` makes it fail in the ways the page must survive.
let server: Server;
let baseUrl: string;
let mode: "ok" | "error" | "garbage" | "hang" = "ok";
const seen: { url: string; login: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const match = /^\/protect\/(.+)$/.exec(request.url ?? "");
    if (!match) return response.writeHead(404).end();
    seen.push({ url: request.url!, login: JSON.parse(Buffer.from(match[1]!, "base64").toString("utf8")) as Record<string, unknown> });
    if (mode === "hang") return;
    if (mode === "error") return response.writeHead(500).end("oops");
    response.writeHead(200, { "content-type": "text/plain" }).end(mode === "garbage" ? "<script>alert(1)</script>" : "eyJhbGciOi.J9-abc_123\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  mode = "ok";
  seen.length = 0;
});

const options = (over: Partial<BuildChatLoginOptions> = {}): BuildChatLoginOptions => ({
  baseUrl,
  webmasterId: 4242,
  password: "chat-password-secret",
  appUrl: "https://cams.example.com",
  startRoom: "ava-rose",
  user: { id: 7, username: "viewer1", gender: "male", role: "viewer", image: "/performers/x.jpg", profile: "/" },
  ...over,
});

describe("buildChatLogin (html5-chat JWT login)", () => {
  it("sends the login as base64 JSON to /protect and embeds /script/<webmasterid>/<token>", async () => {
    const login = await buildChatLogin(options());
    expect(login).toEqual({ ok: true, scriptUrl: `${baseUrl}/script/4242/eyJhbGciOi.J9-abc_123` });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.login).toEqual({
      id: 7, username: "viewer1", password: "chat-password-secret", gender: "male", role: "user",
      image: "https://cams.example.com/performers/x.jpg", profile: "https://cams.example.com/", startRoom: "ava-rose",
    });
    // The browser gets the token only: the password is nowhere in what the page embeds.
    expect(login.ok && login.scriptUrl).not.toContain("chat-password-secret");
    expect(login.ok && login.scriptUrl).not.toContain(Buffer.from("chat-password-secret").toString("base64").slice(0, 12));
  });

  it("logs a performer in with the chat's performer role, their photo and their room", async () => {
    await buildChatLogin(options({ user: { id: 9, username: "ava_rose", gender: "female", role: "performer", image: "/performers/ava-rose.jpg", profile: "/performers/ava-rose" } }));
    expect(seen[0]!.login).toMatchObject({ role: "performer", gender: "female", profile: "https://cams.example.com/performers/ava-rose", startRoom: "ava-rose" });
  });

  it("degrades to a message when the service fails, answers garbage or hangs, or the chat is not configured", async () => {
    for (const failing of ["error", "garbage"] as const) {
      mode = failing;
      expect(await buildChatLogin(options())).toMatchObject({ ok: false, message: expect.stringContaining("could not be loaded") });
    }
    mode = "hang";
    expect(await buildChatLogin(options({ timeoutMs: 300 }))).toMatchObject({ ok: false });
    expect(await buildChatLogin(options({ baseUrl: "http://127.0.0.1:9" }))).toMatchObject({ ok: false });
    const unconfigured = await buildChatLogin(options({ webmasterId: undefined }));
    expect(unconfigured).toMatchObject({ ok: false, message: expect.stringContaining("not set up") });
    expect(await buildChatLogin(options({ password: undefined }))).toMatchObject({ ok: false });
  });
});
