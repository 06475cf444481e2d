import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as capture } from "@/app/api/paypal/orders/[id]/capture/route";
import { POST as createOrder } from "@/app/api/paypal/orders/route";
import { POST as chat } from "@/app/api/rooms/[slug]/chat/route";
import { POST as signal } from "@/app/api/rooms/[slug]/signal/route";
import { POST as peer } from "@/app/api/shows/[id]/peer/route";
import { loadEnv } from "@/lib/env";
import { createViewer } from "@/test/helpers/factories";

// The session-cookie JSON routes, called the way Next calls them. A browser attaches the cookie to a
// request another site makes it send, so these must refuse what only another site would send.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
const session = vi.mocked(getServerSession);

const SITE = new URL(loadEnv().APP_URL).origin;
const routes: [string, (request: Request) => Promise<Response>][] = [
  ["/api/shows/1/peer", (r) => peer(r, { params: Promise.resolve({ id: "1" }) })],
  ["/api/paypal/orders", (r) => createOrder(r)],
  ["/api/paypal/orders/NOSUCHORDER000000/capture", (r) => capture(r, { params: Promise.resolve({ id: "NOSUCHORDER000000" }) })],
  ["/api/rooms/some-room/chat", (r) => chat(r, { params: Promise.resolve({ slug: "some-room" }) })],
  ["/api/rooms/some-room/signal", (r) => signal(r, { params: Promise.resolve({ slug: "some-room" }) })],
];

async function call(route: (request: Request) => Promise<Response>, path: string, headers: Record<string, string>) {
  const response = await route(new Request(`${SITE}${path}`, { method: "POST", headers, body: '{"itemId":1,"text":"hi"}' }));
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeEach(async () => {
  const viewer = await createViewer({ credits: 100 });
  session.mockResolvedValue({ user: { id: viewer.id, sessionVersion: 0 }, expires: "" });
});

describe("session-cookie JSON routes refuse cross-site requests", () => {
  it.each(routes)("%s: 403 JSON for another origin, no origin, or a form content type", async (path, route) => {
    const refused = { status: 403, body: { error: { code: "forbidden", message: expect.any(String) } } };
    expect(await call(route, path, { origin: "https://evil.example", "content-type": "application/json" })).toMatchObject(refused);
    expect(await call(route, path, { origin: "null", "content-type": "application/json" })).toMatchObject(refused);
    expect(await call(route, path, { "content-type": "application/json" })).toMatchObject(refused);
    expect(await call(route, path, { origin: SITE, "content-type": "text/plain" })).toMatchObject(refused);
    expect(await call(route, path, { origin: SITE, "content-type": "application/x-www-form-urlencoded" })).toMatchObject(refused);
    // The site's own pages get past the guard to the route's own answer (whatever it is, not this 403).
    const own = await call(route, path, { origin: SITE, "content-type": "application/json" });
    expect(own.body).not.toMatchObject({ error: { message: expect.stringMatching(/Cross-site|from the site's own pages/) } });
  });
});
