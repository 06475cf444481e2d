import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every real path under /api answers a wrong method with 405 method_not_allowed in the API's JSON
// error shape and an Allow header (lib/http/api-methods.ts); unknown /api paths answer a JSON 404.

const API_DIR = path.join(import.meta.dirname, "../../app/api");

// route file (under app/api) → the methods it serves. next-auth's own route is left to next-auth.
const ROUTES: Record<string, string[]> = {
  "bench/noop": ["GET"],
  "chat/v1/group-shows/[id]/end": ["POST"],
  "chat/v1/group-shows/[id]/join": ["POST"],
  "chat/v1/group-shows/[id]": ["GET"],
  "chat/v1/group-shows/[id]/start": ["POST"],
  "chat/v1/heartbeats": ["POST"],
  "chat/v1/menu-tips": ["POST"],
  "chat/v1/openapi.json": ["GET"],
  "chat/v1/performers/[id]/goal": ["GET"],
  "chat/v1/performers/[id]/group-shows": ["POST"],
  "chat/v1/performers/[id]/status": ["PUT"],
  "chat/v1/performers/[id]/ticket-shows": ["POST"],
  "chat/v1/performers/[id]/tip-menu": ["GET"],
  "chat/v1/performers": ["GET"],
  "chat/v1/shows/[id]/accept": ["POST"],
  "chat/v1/shows/[id]/cancel": ["POST"],
  "chat/v1/shows/[id]/decline": ["POST"],
  "chat/v1/shows/[id]/end": ["POST"],
  "chat/v1/shows/[id]/heartbeat": ["POST"],
  "chat/v1/shows/[id]/spies": ["GET", "POST"],
  "chat/v1/shows/[id]/spying": ["PUT"],
  "chat/v1/shows": ["POST"],
  "chat/v1/ticket-shows/[id]/cancel": ["POST"],
  "chat/v1/ticket-shows/[id]/end": ["POST"],
  "chat/v1/ticket-shows/[id]": ["GET"],
  "chat/v1/ticket-shows/[id]/start": ["POST"],
  "chat/v1/ticket-shows/[id]/tickets": ["POST"],
  "chat/v1/tips": ["POST"],
  "chat/v1/users/[id]": ["GET"],
  "events/balance": ["GET"],
  "events/notices": ["GET"],
  "events/wall": ["GET"],
  "paypal/ipn": ["POST"],
  "paypal/orders/[id]/capture": ["POST"],
  "paypal/orders": ["POST"],
  "rooms/[slug]/chat": ["POST"],
  "rooms/[slug]/events": ["GET"],
  "rooms/[slug]/signal": ["POST"],
  "rooms/[slug]/video": ["POST"],
  "shows/[id]/peer": ["POST"],
  "studio/camera": ["POST"],
  "studio/preview": ["POST"],
};
const CATCH_ALLS = ["[...path]", "chat/v1/[[...path]]"];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

type Handler = (request: Request, context: unknown) => Response | Promise<Response>;
const load = async (route: string) => (await import(`@/app/api/${route}/route`)) as Record<string, Handler | undefined>;
const context = { params: Promise.resolve({ id: "1", slug: "x", path: ["nope"] }) };
const request = (method: string) => new Request("http://localhost:3000/api/x", { method, body: method === "GET" ? undefined : "{}" });

function routeFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix.replace(/\/$/, "")] : [];
    return routeFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
  });
}

describe("wrong methods and unknown paths under /api", () => {
  it("knows every route file (a new route must be listed here)", () => {
    expect(routeFiles(API_DIR).filter((r) => !r.startsWith("auth/")).sort()).toEqual([...Object.keys(ROUTES), ...CATCH_ALLS].sort());
  });

  it.each(Object.entries(ROUTES))("/api/%s: 405 JSON with Allow for every other method, 204 OPTIONS with the same Allow", async (route, allowed) => {
    const routeModule = await load(route);
    const allow = [...new Set([...allowed, "OPTIONS", ...(allowed.includes("GET") ? ["HEAD"] : [])])].sort().join(", ");
    for (const method of METHODS.filter((m) => !allowed.includes(m))) {
      const handler = routeModule[method];
      expect(handler, `${method} /api/${route}`).toBeTypeOf("function");
      const response = await handler!(request(method), context);
      expect(response.status, `${method} /api/${route}`).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining(allow) } });
    }
    const options = await routeModule.OPTIONS!(request("OPTIONS"), context);
    expect({ status: options.status, allow: options.headers.get("allow") }).toEqual({ status: 204, allow });
  });

  it.each(CATCH_ALLS)("/api/%s answers unknown paths with a JSON 404 for every method", async (route) => {
    const routeModule = await load(route);
    for (const method of METHODS) {
      const response = await routeModule[method]!(request(method), context);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });
});
