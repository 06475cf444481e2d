import { describe, expect, it } from "vitest";
import { centsToDecimal, decimalToCents, formatAmount, parseCents } from "./money";

describe("parseCents", () => {
  it("reads PayPal's decimal strings as whole cents", () => {
    expect(parseCents("10.00")).toBe(1000);
    expect(parseCents("10")).toBe(1000);
    expect(parseCents("10.5")).toBe(1050);
    expect(parseCents("-10.00")).toBe(-1000);
    expect(parseCents("0.01")).toBe(1);
    expect(parseCents(" 2.00 ")).toBe(200);
  });

  it("refuses anything that is not a plain amount", () => {
    for (const value of ["", "abc", "1e3", "10.001", "10,00", "+10", "1 0", "Infinity", "NaN", undefined, null]) {
      expect(parseCents(value)).toBeNull();
    }
  });
});

describe("formatting", () => {
  it("writes cents back as PayPal and the database expect them", () => {
    expect(centsToDecimal(1000)).toBe("10.00");
    expect(centsToDecimal(-5)).toBe("-0.05");
    expect(formatAmount(1050, "USD")).toBe("10.50");
    expect(formatAmount(100000, "JPY")).toBe("1000");
    expect(decimalToCents({ toFixed: () => "12.30" })).toBe(1230);
  });
});
