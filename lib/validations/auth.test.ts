import { describe, expect, it } from "vitest";
import { ZSignUp } from "./auth";

describe("ZSignUp", () => {
  it("normalises the e-mail and accepts a valid form", () => {
    const parsed = ZSignUp.parse({ email: "Ann@Example.com", username: "ann_1", password: "12345678", gender: "female" });
    expect(parsed.email).toBe("ann@example.com");
  });

  it("names every bad field", () => {
    const result = ZSignUp.safeParse({ email: "nope", username: "a b", password: "short", gender: "x" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["email", "username", "password", "gender"]));
  });
});
