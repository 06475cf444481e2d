import { z } from "zod";

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `At most ${max} characters.`).refine((v) => !/[\u0000-\u001f<>]/.test(v), "No control characters or angle brackets.");

export const ZBrand = z.object({
  siteName: text(60, "the site's name"),
  wallHeadline: text(120, "a headline"),
  accentColor: z.string().trim().toLowerCase().regex(/^#[0-9a-f]{6}$/, "A colour like #db2777."),
  adultNotice: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  removeLogo: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type TBrand = z.infer<typeof ZBrand>;
