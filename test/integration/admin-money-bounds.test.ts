import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { sendTip } from "@/lib/server/tips/send-tip";
import { ZCreditPack } from "@/lib/validations/admin/credit-pack";
import { ZPerformerProfile } from "@/lib/validations/admin/performer";
import { ZSettings } from "@/lib/validations/admin/settings";
import { ZCreditAdjustment } from "@/lib/validations/admin/user";
import { createAdmin, createPerformer, createViewer } from "@/test/helpers/factories";

// Issue 9, item 7: an admin number that the money columns cannot hold broke every tip (numeric
// overflow → 500). Every admin number is bounded by what the columns and the derived columns hold
// (zod, with a field error) and, where it can be, by a CHECK in the database; and admin numbers are
// parsed strictly: no exponent, hex, sign, spaces or trailing dot.

const settings = { creditValue: "", currency: "USD", paypalReceiverEmail: "", chatProvider: "builtin", webmasterId: "", customCss: "" };
const pack = { credits: "600", price: "10.00", currency: "USD", description: "600 credits" };
const profile = { displayName: "Ava", slug: "ava", bio: "", ratePerMinute: "60", benefitPercent: "50" };
const adjustment = { delta: "100", reason: "goodwill", idempotencyKey: "4b3a6c1e-2f0d-4c55-9a43-8a7c9d2e1f00" };

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : [...new Set(result.error!.issues.map((i) => String(i.path[0])))];

describe("admin numbers are bounded by the money columns", () => {
  it("refuses credit value 999999.999999 (its 100000-credit tip overflows ppv_tips.price) and allows 99.999999, whose largest tip fits", async () => {
    expect(fieldsOf(ZSettings.safeParse({ ...settings, creditValue: "999999.999999" }))).toEqual(["creditValue"]);
    expect(fieldsOf(ZSettings.safeParse({ ...settings, creditValue: "100" }))).toEqual(["creditValue"]);
    await updateSettings({ actorId: (await createAdmin()).id, input: ZSettings.parse({ ...settings, creditValue: "99.999999" }) });
    const [viewer, performer] = await Promise.all([createViewer({ credits: 100_000 }), createPerformer({ benefitPercent: "100" })]);
    const { tip } = await sendTip({ userId: viewer.id, performerId: performer.id, credits: 100_000 });
    expect(tip).toMatchObject({ price: "9999999.900", performerBenefit: "9999999.900" });
  });

  it("has the database refuse such a credit value too, whoever writes it", async () => {
    await expect(prisma.setting.upsert({ where: { id: 1 }, create: { id: 1, creditValue: "999999.999999" }, update: { creditValue: "999999.999999" } })).rejects.toThrow();
    await expect(prisma.setting.upsert({ where: { id: 1 }, create: { id: 1, creditValue: "0" }, update: { creditValue: "0" } })).rejects.toThrow();
  });

  it("refuses a pack whose price per credit (the derived credit value) would be more than 99.999999", async () => {
    expect(fieldsOf(ZCreditPack.safeParse({ ...pack, credits: "1", price: "99999999.99" }))).toEqual(["price"]);
    expect(fieldsOf(ZCreditPack.safeParse({ ...pack, credits: "1", price: "100.00" }))).toEqual(["price"]);
    expect(ZCreditPack.safeParse({ ...pack, credits: "1", price: "99.99" }).success).toBe(true);
    expect(ZCreditPack.safeParse({ ...pack, credits: "10000000", price: "99999999.99" }).success).toBe(true);
    await expect(prisma.creditPack.create({ data: { seconds: 1, price: "99999999.99", description: "broken" } })).rejects.toThrow();
    await expect(prisma.creditPack.create({ data: { seconds: 100_000_000, price: "1.00", description: "too many credits" } })).rejects.toThrow();
  });

  it("bounds performer rates and benefit in the database as in the form", async () => {
    expect(fieldsOf(ZPerformerProfile.safeParse({ ...profile, ratePerMinute: "100001" }))).toEqual(["ratePerMinute"]);
    expect(fieldsOf(ZPerformerProfile.safeParse({ ...profile, benefitPercent: "100.01" }))).toEqual(["benefitPercent"]);
    const performer = await createPerformer();
    await expect(prisma.performer.update({ where: { id: performer.id }, data: { ratePerMinute: 100_001 } })).rejects.toThrow();
  });
});

describe("admin numbers are parsed strictly", () => {
  const bad = ["1e3", "0x10", " 5 ", "+5", "5.", "", "1_000", "Infinity", "NaN", "5\u0000"];
  const cases: [string, (value: string) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }, string][] = [
    ["credit value", (v) => ZSettings.safeParse({ ...settings, creditValue: v || "x" }), "creditValue"],
    ["webmaster id", (v) => ZSettings.safeParse({ ...settings, webmasterId: v || "x" }), "webmasterId"],
    ["pack credits", (v) => ZCreditPack.safeParse({ ...pack, credits: v }), "credits"],
    ["pack price", (v) => ZCreditPack.safeParse({ ...pack, price: v }), "price"],
    ["rate per minute", (v) => ZPerformerProfile.safeParse({ ...profile, ratePerMinute: v }), "ratePerMinute"],
    ["benefit percent", (v) => ZPerformerProfile.safeParse({ ...profile, benefitPercent: v }), "benefitPercent"],
    ["credit adjustment", (v) => ZCreditAdjustment.safeParse({ ...adjustment, delta: v }), "delta"],
  ];
  it.each(cases)("%s: 1e3, 0x10, ' 5 ', +5, 5. … are refused with a field error, not coerced", (_name, parse, field) => {
    for (const value of bad) expect(fieldsOf(parse(value)), JSON.stringify(value)).toEqual([field]);
    expect(parse("5").success).toBe(true);
  });

  it("still takes negative adjustments and decimals written plainly", () => {
    expect(ZCreditAdjustment.parse({ ...adjustment, delta: "-20" }).delta).toBe(-20);
    expect(ZSettings.parse({ ...settings, creditValue: "0.016667" }).creditValue).toBe("0.016667");
    expect(ZCreditPack.parse({ ...pack, price: "9.9" }).price).toBe("9.9");
  });
});
