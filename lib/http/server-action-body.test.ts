import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "@/lib/uploads/image-type";
import { refuseOversizedServerAction, SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-action-body";

const action = (length: string | null, method = "POST") =>
  new Request("http://localhost/admin/performers/1", {
    method,
    headers: { "next-action": "7f00", ...(length === null ? {} : { "content-length": length }) },
  });

describe("refuseOversizedServerAction", () => {
  it("answers 413 JSON, with the limit, for a server action declaring a body over the limit", async () => {
    const response = refuseOversizedServerAction(action(String(7 * 1024 * 1024)));
    expect(response?.status).toBe(413);
    expect(await response!.json()).toEqual({ error: { code: "payload_too_large", message: expect.stringContaining("6 MB") } });
  });

  it("lets through bodies within the limit, without a length, other methods and requests that are no action", () => {
    expect(refuseOversizedServerAction(action(String(SERVER_ACTION_BODY_LIMIT_BYTES)))).toBeNull();
    expect(refuseOversizedServerAction(action(null))).toBeNull();
    expect(refuseOversizedServerAction(action("junk"))).toBeNull();
    expect(refuseOversizedServerAction(new Request("http://localhost/api/paypal/ipn", { method: "POST", headers: { "content-length": "99999999" } }))).toBeNull();
  });

  it("agrees with next.config.js and leaves room for the largest photo", () => {
    expect(readFileSync("next.config.js", "utf8")).toContain(`bodySizeLimit: "${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024}mb"`);
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_PHOTO_BYTES);
  });
});
