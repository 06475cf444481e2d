import { describe, expect, it } from "vitest";
import { parseIpnBody } from "./parse-ipn";

describe("parseIpnBody", () => {
  it("decodes + and %XX, keeps the first of a repeated field, and empty values", () => {
    const form = parseIpnBody("payment_date=20%3A12%3A59+Jan+13%2C+2009+PST&payer_email=buyer%40example.com&custom=&txn_id=A&txn_id=B");
    expect(form).toEqual({ payment_date: "20:12:59 Jan 13, 2009 PST", payer_email: "buyer@example.com", custom: "", txn_id: "A" });
  });

  it("decodes in the message's own charset (windows-1252 by default at PayPal, or UTF-8)", () => {
    expect(parseIpnBody("charset=windows-1252&item_name=Caf%E9+cr%E9dits").item_name).toBe("Café crédits");
    expect(parseIpnBody("item_name=Caf%C3%A9&charset=UTF-8").item_name).toBe("Café");
    expect(parseIpnBody(new TextEncoder().encode("charset=no-such-charset&item_name=Caf%C3%A9")).item_name).toBe("Café");
  });

  it("cannot be used to set an object's prototype", () => {
    const form = parseIpnBody("__proto__=x&constructor=y&toString=z");
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
    expect(form.__proto__).toBe("x");
    expect(Object.keys(form)).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("tolerates malformed input without throwing", () => {
    expect(parseIpnBody("a=%ZZ&&b&=c&d=100%")).toEqual({ a: "%ZZ", b: "", "": "c", d: "100%" });
  });
});
