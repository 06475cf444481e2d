import { describe, expect, it } from "vitest";
import { ruleFor } from "./route-rules";

describe("ruleFor", () => {
  it("guards each area and its sub-pages", () => {
    expect(ruleFor("/admin")?.roles).toEqual(["admin"]);
    expect(ruleFor("/admin/users/3")?.roles).toEqual(["admin"]);
    expect(ruleFor("/studio")?.roles).toEqual(["performer"]);
    expect(ruleFor("/account")?.roles).toContain("viewer");
  });

  it("does not guard look-alike paths or public pages", () => {
    expect(ruleFor("/administrator")).toBeUndefined();
    expect(ruleFor("/")).toBeUndefined();
    expect(ruleFor("/performers/ava-rose")).toBeUndefined();
  });
});
