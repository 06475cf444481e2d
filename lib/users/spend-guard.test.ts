import { describe, expect, it } from "vitest";
import { canSpend, spendableBalance, spendRefusal } from "./spend-guard";

describe("the spend guard", () => {
  it("refuses a blocked account first, then an on-hold one, and lets the others spend", () => {
    expect(spendRefusal({ blocked: true, flagged: true })?.code).toBe("account_blocked");
    expect(spendRefusal({ blocked: false, flagged: true })?.code).toBe("account_on_hold");
    expect(spendRefusal({ blocked: false, flagged: false })).toBeNull();
    expect([canSpend({ blocked: true, flagged: false }), canSpend({ blocked: false, flagged: false })]).toEqual([false, true]);
  });

  it("gives billing nothing to take from an account that may not spend, and never a negative balance", () => {
    expect(spendableBalance({ blocked: false, flagged: false, credits: 70 })).toBe(70);
    expect(spendableBalance({ blocked: true, flagged: false, credits: 70 })).toBe(0);
    expect(spendableBalance({ blocked: false, flagged: true, credits: 70 })).toBe(0);
    expect(spendableBalance({ blocked: false, flagged: false, credits: -5 })).toBe(0);
  });
});
