import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_BOUNDS, effectiveBounds, priceProblems } from "./price-bounds";

describe("price bounds", () => {
  it("takes the performer's override over the site's, and the site's over the default", () => {
    const rows = [
      { performerId: null, kind: "private_rate" as const, min: 10, max: 100 },
      { performerId: 7, kind: "private_rate" as const, min: 50, max: 500 },
      { performerId: 8, kind: "spy_rate" as const, min: 1, max: 2 },
    ];
    expect(effectiveBounds(rows, 7).private_rate).toEqual({ min: 50, max: 500 });
    expect(effectiveBounds(rows, 9).private_rate).toEqual({ min: 10, max: 100 });
    expect(effectiveBounds(rows, 7).spy_rate).toEqual(DEFAULT_PRICE_BOUNDS.spy_rate);
  });

  it("names each price outside its bounds", () => {
    const prices = { ratePerMinute: 5, spyRatePerMinute: 20, groupRatePerMinute: 20, ticketPrice: 100, minimumSeconds: 901 };
    expect(Object.keys(priceProblems(prices, { ...DEFAULT_PRICE_BOUNDS, private_rate: { min: 10, max: 100 } })).sort()).toEqual(["minimumSeconds", "ratePerMinute"]);
  });
});
