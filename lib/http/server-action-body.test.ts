import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "@/lib/uploads/image-type";
import { refuseBadServerAction, SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-action-body";

// The requests below all made `next start` answer 500 (measured against the built site): a 7 MB
// photo over bodySizeLimit ("Body exceeded 6mb limit"), a malformed multipart body ("Malformed part
// header") and a fetch-action reply that is not JSON (SyntaxError).

const URL = "http://localhost/performers/ava-rose";
const action = (body: BodyInit, headers: Record<string, string> = {}) => new Request(URL, { method: "POST", headers: { "next-action": "40aa", ...headers }, body });

function multipart(parts: string): Request {
  const body = Buffer.from(parts);
  return action(body, { "content-type": "multipart/form-data; boundary=zzz", "content-length": String(body.byteLength) });
}

describe("refuseBadServerAction", () => {
  it("answers 413 JSON, with the limit, for a server action declaring a body over the limit", async () => {
    const response = await refuseBadServerAction(action("x", { "content-length": String(7 * 1024 * 1024) }));
    expect(response?.status).toBe(413);
    expect(await response!.json()).toEqual({ error: { code: "payload_too_large", message: expect.stringMatching(/6 MB.*5 MB/) } });
  });

  it.each([
    ["a malformed multipart part", "--zzz\r\ngarbage\r\n--"],
    ["a multipart body without its closing boundary", '--zzz\r\nContent-Disposition: form-data; name="1"\r\n\r\nx'],
  ])("answers 400 JSON for %s", async (_name, parts) => {
    const response = await refuseBadServerAction(multipart(parts));
    expect(response?.status).toBe(400);
    expect(await response!.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  it("answers 400 JSON for a fetch-action reply that is not JSON", async () => {
    const body = '["$K1",{garbage';
    const response = await refuseBadServerAction(action(body, { "content-type": "text/plain;charset=UTF-8", "content-length": String(body.length) }));
    expect(response?.status).toBe(400);
  });

  it("lets through well-formed actions, bodies within the limit, other methods and requests that are no action", async () => {
    const form = '--zzz\r\nContent-Disposition: form-data; name="1_showId"\r\n\r\n12\r\n--zzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--zzz--\r\n';
    expect(await refuseBadServerAction(multipart(form))).toBeNull();
    const reply = '[{"showId":12}]';
    expect(await refuseBadServerAction(action(reply, { "content-type": "text/plain;charset=UTF-8", "content-length": String(reply.length) }))).toBeNull();
    expect(await refuseBadServerAction(new Request(URL, { method: "POST", headers: { "content-length": "99999999" }, body: "x" }))).toBeNull();
    expect(await refuseBadServerAction(new Request(URL, { headers: { "next-action": "40aa" } }))).toBeNull();
  });

  it("leaves the request readable for Next", async () => {
    const request = multipart('--zzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["x"]\r\n--zzz--\r\n');
    await refuseBadServerAction(request);
    expect((await request.formData()).get("0")).toBe('["x"]');
  });

  it("agrees with next.config.js and leaves room for the largest photo", () => {
    expect(readFileSync("next.config.js", "utf8")).toContain(`bodySizeLimit: "${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024}mb"`);
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_PHOTO_BYTES);
  });
});
