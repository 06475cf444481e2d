import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getBrand } from "@/lib/server/settings/get-brand";
import { updateBrand } from "@/lib/server/settings/update-brand";
import { accentCss } from "@/lib/brand/brand";
import { ZBrand } from "@/lib/validations/admin/brand";
import { createAdmin, createViewer } from "@/test/helpers/factories";

const form = (change: Record<string, string> = {}) => ({ siteName: "Night Owls", wallHeadline: "Who is on tonight", accentColor: "#0EA5E9", ...change });

describe("the webmaster's brand", () => {
  it("saves name, headline, colour and the 18+ notice, normalised", async () => {
    const admin = await createAdmin();
    await updateBrand({ actorId: admin.id, input: ZBrand.parse({ ...form(), adultNotice: "on" }) });
    expect(await getBrand()).toEqual({ siteName: "Night Owls", wallHeadline: "Who is on tonight", accentColor: "#0ea5e9", adultNotice: true, logoPath: null });
  });

  it.each([
    [{ accentColor: "red" }, "accentColor"],
    [{ accentColor: "#12345g" }, "accentColor"],
    [{ siteName: "" }, "siteName"],
    [{ siteName: "x".repeat(61) }, "siteName"],
    [{ siteName: "<b>Shop</b>" }, "siteName"],
    [{ wallHeadline: "tab\there" }, "wallHeadline"],
  ])("refuses %j with a field error", (change, field) => {
    const result = ZBrand.safeParse(form(change));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("never stores an accent the style element could be broken by, even past the form", async () => {
    await prisma.setting.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    await expect(prisma.setting.update({ where: { id: 1 }, data: { accentColor: "#}</st" } })).rejects.toThrow(/settings_accent_color_check/);
    expect(accentCss("#}</st")).toBe("");
    expect(accentCss("#0ea5e9")).toContain("--color-pink-600:#0ea5e9");
  });

  it("is for admins only", async () => {
    const viewer = await createViewer();
    await expect(updateBrand({ actorId: viewer.id, input: ZBrand.parse(form()) })).rejects.toMatchObject({ code: "forbidden" });
  });
});
