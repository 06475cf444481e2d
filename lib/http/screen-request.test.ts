import { describe, expect, it } from "vitest";
import { screenRequest } from "./screen-request";

// `next start` answered 500 (measured) to /performers/%FF%FE, /performers/%E9, /uploads/%FF and
// /api/rooms/%FF/events: percent-escapes that are not UTF-8 in a dynamic segment.

describe("screenRequest", () => {
  it.each(["/performers/%FF%FE", "/performers/%E9", "/uploads/%FF", "/api/rooms/%FF/events", "/admin/users/%C3"])("answers 400 JSON for %s", async (path) => {
    const response = await screenRequest(new Request(`http://localhost${path}`));
    expect(response?.status).toBe(400);
    expect(await response!.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  it.each(["/", "/performers/ava-rose", "/performers/caf%C3%A9", "/admin/users?q=%FF", "/uploads/a%20b.jpg"])("lets %s through", async (path) => {
    expect(await screenRequest(new Request(`http://localhost${path}`))).toBeNull();
  });

  it("screens server actions too", async () => {
    const request = new Request("http://localhost/", { method: "POST", headers: { "next-action": "40aa", "content-length": String(64 * 1024 * 1024) }, body: "x" });
    expect((await screenRequest(request))?.status).toBe(413);
  });
});
