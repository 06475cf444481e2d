import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/chat/v1/openapi.json/route";
import { ERROR_STATUS } from "@/lib/errors";
import { buildOpenApiDocument } from "./openapi";

// Every path and method of API.md ("Resources"), with its success status.
const API_MD = [
  ["get", "/performers", 200],
  ["put", "/performers/{id}/status", 200],
  ["get", "/users/{id}", 200],
  ["post", "/shows", 201],
  ["post", "/shows/{id}/accept", 200],
  ["post", "/shows/{id}/decline", 200],
  ["post", "/shows/{id}/cancel", 200],
  ["post", "/shows/{id}/heartbeat", 200],
  ["post", "/heartbeats", 200],
  ["post", "/shows/{id}/end", 200],
  ["post", "/tips", 201],
  // Grown under API.md "Growing the API": show modes.
  ["post", "/shows/{id}/spies", 201],
  ["get", "/shows/{id}/spies", 200],
  ["put", "/shows/{id}/spying", 200],
  ["post", "/menu-tips", 201],
  ["get", "/performers/{id}/tip-menu", 200],
  ["get", "/performers/{id}/goal", 200],
  ["post", "/performers/{id}/group-shows", 201],
  ["get", "/group-shows/{id}", 200],
  ["post", "/group-shows/{id}/join", 201],
  ["post", "/group-shows/{id}/start", 200],
  ["post", "/group-shows/{id}/end", 200],
  ["post", "/performers/{id}/ticket-shows", 201],
  ["get", "/ticket-shows/{id}", 200],
  ["post", "/ticket-shows/{id}/tickets", 201],
  ["post", "/ticket-shows/{id}/start", 200],
  ["post", "/ticket-shows/{id}/end", 200],
  ["post", "/ticket-shows/{id}/cancel", 200],
] as const;

type Doc = { openapi: string; paths: Record<string, Record<string, any>>; components: Record<string, Record<string, unknown>> }; // eslint-disable-line @typescript-eslint/no-explicit-any

const served = async () => {
  const response = GET();
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return JSON.parse(await response.text()) as Doc;
};

describe("the OpenAPI document", () => {
  it("is served as JSON, OpenAPI 3.1.x, with the signature headers as security schemes", async () => {
    const doc = await served();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(Object.values(doc.components.securitySchemes!).map((s) => (s as { name: string }).name).sort()).toEqual(["X-Chat-Signature", "X-Chat-Timestamp"]);
  });

  it("describes the v1.1 signature (v2=, the Idempotency-Key signed) and nothing of v1 but its refusal", async () => {
    const doc = (await served()) as Doc & { info: { version: string; description: string } };
    const scheme = (doc.components.securitySchemes as Record<string, { description: string }>).chatSignature!.description;
    expect(doc.info.version).toBe("1.1.0");
    for (const text of [scheme, doc.info.description]) {
      expect(text).toContain("v2=");
      expect(text).toContain("<timestamp>\\n<METHOD>\\n<path with query>\\n<Idempotency-Key or empty>\\n<raw body>");
    }
    expect(doc.info.description).not.toMatch(/<timestamp>\.<METHOD>/);
  });

  it("lists exactly the paths and methods of API.md, each with its success status", async () => {
    const doc = await served();
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    expect(listed).toEqual(API_MD.map(([m, p]) => `${m} ${p}`).sort());
    for (const [method, p, status] of API_MD) expect(Object.keys(doc.paths[p]![method].responses)).toContain(String(status));
  });

  it("documents the transport's errors on every operation, and the idempotency header on POST and PUT", async () => {
    const doc = await served();
    for (const [method, p] of API_MD) {
      const operation = doc.paths[p]![method];
      const responses = operation.responses as Record<string, { content: { "application/json": { schema: { allOf: [unknown, { properties: { error: { properties: { code: { enum: string[] } } } } }] } } } }>;
      const codes = Object.entries(responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, r]) => r.content["application/json"].schema.allOf[1].properties.error.properties.code.enum.map((code) => `${status} ${code}`));
      expect(codes).toEqual(expect.arrayContaining(["401 invalid_signature", "401 stale_timestamp", "422 invalid_request", "500 internal_error"]));
      for (const entry of codes) expect(entry).toBe(`${ERROR_STATUS[entry.split(" ")[1] as keyof typeof ERROR_STATUS]} ${entry.split(" ")[1]}`);
      const refs = JSON.stringify(operation.parameters);
      if (method === "get") {
        expect(refs).not.toContain("IdempotencyKey");
      } else {
        expect(refs).toContain("#/components/parameters/IdempotencyKey");
        expect(codes).toEqual(expect.arrayContaining(["400 idempotency_key_required", "409 idempotency_conflict", "400 invalid_json", "413 payload_too_large"]));
      }
    }
    expect(JSON.stringify(doc.paths["/shows"])).toContain("show_in_progress");
    expect(JSON.stringify(doc.paths["/tips"])).toContain("insufficient_credits");
    for (const [p, method] of [["/tips", "post"], ["/shows", "post"], ["/shows/{id}/accept", "post"]] as const) {
      const forbidden = JSON.stringify(doc.paths[p]![method].responses["403"]);
      expect(forbidden).toContain("account_blocked");
      expect(forbidden).toContain("account_on_hold");
    }
    for (const p of ["/performers", "/users/{id}"]) expect(doc.paths[p]!.get.responses["403"]).toBeUndefined();
  });

  it("resolves every $ref and carries no JSON Schema document keywords inside components", async () => {
    const doc = await served();
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      const target = ref!.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('"$id"');
  });

  it("describes the contract's field types: integers, nullable times, money as strings", async () => {
    const { components } = await served();
    const show = components.schemas!.Show as { properties: Record<string, any>; required: string[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(show.required.sort()).toEqual(["creditsCharged", "endReason", "endedAt", "id", "kind", "minimumSeconds", "parentShowId", "performerId", "ratePerMinute", "requestedAt", "secondsBilled", "startedAt", "status", "userId"]);
    expect(show.properties.id.type).toBe("integer");
    expect(JSON.stringify(show.properties.startedAt)).toContain('"null"');
    const tip = components.schemas!.Tip as { properties: Record<string, { type: string }> };
    expect(tip.properties.price!.type).toBe("string");
    expect(tip.properties.credits!.type).toBe("integer");
  });

  it("has a route handler exporting each documented method", () => {
    for (const [method, p] of API_MD) {
      const file = path.join(import.meta.dirname, "../../../app/api/chat/v1", p.replace("{id}", "[id]"), "route.ts");
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(new RegExp(`export const ${method.toUpperCase()} = chatRoute\\(\\s*\\{\\s*method: "${method.toUpperCase()}"`));
    }
  });
});
