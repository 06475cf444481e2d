import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sign } from "./chat-api-client";

// docs/chat-api.md §9 shows how to sign with openssl. These run the documented shell commands as
// written and check them against the client's sign(), so the guide cannot drift from the code.

const doc = readFileSync(path.join(import.meta.dirname, "../../docs/chat-api.md"), "utf8");
const section = doc.slice(doc.indexOf("## 9. Worked example"), doc.indexOf("## 10."));
const secret = "replace-me-with-at-least-32-random-chars";
const bash = (script: string) => execFileSync("bash", ["-c", script], { encoding: "utf8" }).trim();

describe("the openssl example of docs/chat-api.md", () => {
  it("prints the documented HMAC, which is the client's v2 signature of that tip", () => {
    const block = /```console\n\$ ([\s\S]+?)\n([0-9a-f]{64})\n```/.exec(section);
    expect(block).not.toBeNull();
    const [, command, printed] = block!;
    const expected = sign({ secret, timestamp: 1700000000, method: "POST", path: "/api/chat/v1/tips", idempotencyKey: "tip-example-0001", body: '{"userId":7,"performerId":3,"credits":50}' });
    expect(`v2=${printed}`).toBe(expected);
    expect(bash(command!)).toBe(printed);
    expect(section).toContain(`X-Chat-Signature: ${expected}`);
  });

  it("signs the real-call script's tip and GET lines as the client does", () => {
    const line = (name: string) => new RegExp(`^${name}=\\$\\((.+)\\)$`, "m");
    const tipSig = line("SIG").exec(section.slice(section.indexOf("```sh")))![1]!;
    const getSig = line("SIG").exec(section.slice(section.lastIndexOf("```sh")))![1]!;
    const env = `SECRET='${secret}'; TS=1700000000; KEY=tip-example-0001; BODY='{"userId":7,"performerId":3,"credits":50}';`;
    expect(`v2=${bash(`${env} PATH_Q=/api/chat/v1/tips; ${tipSig}`)}`).toBe(
      sign({ secret, timestamp: 1700000000, method: "POST", path: "/api/chat/v1/tips", idempotencyKey: "tip-example-0001", body: '{"userId":7,"performerId":3,"credits":50}' }),
    );
    expect(`v2=${bash(`${env} PATH_Q='/api/chat/v1/performers?status=online'; ${getSig}`)}`).toBe(
      sign({ secret, timestamp: 1700000000, method: "GET", path: "/api/chat/v1/performers?status=online", body: "" }),
    );
  });
});
