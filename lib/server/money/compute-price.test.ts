import { describe, expect, it } from "vitest";
import { creditValueFromPack, performerBenefit, priceOfCredits } from "./compute-price";

describe("money", () => {
  it("derives the credit value from a pack, to 6 decimals", () => {
    expect(creditValueFromPack({ seconds: 600, price: "10.00" }).toFixed()).toBe("0.016667");
  });

  it("prices credits half-up to 3 decimals", () => {
    expect(priceOfCredits(100, "0.016667").toFixed(3)).toBe("1.667");
    expect(priceOfCredits(3, "0.016667").toFixed(3)).toBe("0.050");
    expect(priceOfCredits(1, "0.0125").toFixed(3)).toBe("0.013");
  });

  it("computes the performer's benefit half-up to 3 decimals", () => {
    expect(performerBenefit(priceOfCredits(100, "0.016667"), "60").toFixed(3)).toBe("1.000");
    expect(performerBenefit(priceOfCredits(1, "0.0125"), "50").toFixed(3)).toBe("0.007");
  });
});
