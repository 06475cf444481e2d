import { describe, expect, it } from "vitest";
import { earningKind } from "./earning-kind";

describe("earningKind", () => {
  it("tells every kind of ppv_tips row apart", () => {
    expect(earningKind({ action: "tips", menuItemId: null, showKind: null })).toBe("tip");
    expect(earningKind({ action: "tips", menuItemId: 4, showKind: null })).toBe("menu_tip");
    expect(earningKind({ action: "liveshow", menuItemId: null, showKind: "private" })).toBe("private_show");
    expect(earningKind({ action: "liveshow", menuItemId: null, showKind: "spy" })).toBe("spy_show");
    expect(earningKind({ action: "liveshow", menuItemId: null, showKind: "group" })).toBe("group_show");
    expect(earningKind({ action: "ticket", menuItemId: null, showKind: null })).toBe("ticket");
  });
});
