import { expect, test } from "@playwright/test";

// Over real HTTP against the built site: a wrong method on a real /api path is a JSON 405 with an
// Allow header, and an unknown /api path is a JSON 404 (lib/http/api-methods.ts, app/api/[...path]).

const json = /^application\/json/;

test("wrong methods answer 405 method_not_allowed with Allow, unknown paths a JSON 404", async ({ request }) => {
  for (const [method, path, allow] of [
    ["GET", "/api/paypal/orders", "OPTIONS, POST"],
    ["PUT", "/api/paypal/ipn", "OPTIONS, POST"],
    ["DELETE", "/api/shows/1/peer", "OPTIONS, POST"],
    ["POST", "/api/events/wall", "GET, HEAD, OPTIONS"],
    ["GET", "/api/chat/v1/tips", "OPTIONS, POST"],
    ["PATCH", "/api/chat/v1/performers", "GET, HEAD, OPTIONS"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"]).toBe(allow);
    expect(response.headers()["content-type"]).toMatch(json);
    expect((await response.json()).error.code).toBe("method_not_allowed");
  }
  for (const path of ["/api/chat/v1", "/api/chat/v1/nope", "/api/nope/deeper"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"]).toMatch(json);
    expect((await response.json()).error.code).toBe("not_found");
  }
});
