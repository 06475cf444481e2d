import { z } from "zod";
import type { PriceKind } from "@/lib/generated/prisma/enums";
import { PRICE_KINDS, PRICE_LIMITS, type Bounds } from "@/lib/prices/price-bounds";

// Forms post strings: whole numbers only, written plainly ("1e3", "0x10" and " 5 " are refused).
const zWhole = z.string("A whole number.").regex(/^\d{1,6}$/, "A whole number.").transform(Number);

export const ZPerformerPrices = z.object({
  ratePerMinute: zWhole,
  spyRatePerMinute: zWhole,
  groupRatePerMinute: zWhole,
  ticketPrice: zWhole,
  minimumSeconds: zWhole,
});
export type TPerformerPrices = z.output<typeof ZPerformerPrices>;

/** The form field names of one kind's bounds. */
export const boundFieldNames = (kind: PriceKind) => ({ min: `${kind}_min`, max: `${kind}_max` });

function boundsOf(kind: PriceKind, raw: Record<string, unknown>, ctx: z.RefinementCtx, optional: boolean): Bounds | null | undefined {
  const names = boundFieldNames(kind);
  const given = [raw[names.min], raw[names.max]].map((v) => (typeof v === "string" ? v : ""));
  if (optional && given.every((v) => v === "")) return null;
  const [min, max] = given.map((v, i) => {
    const parsed = zWhole.safeParse(v);
    if (!parsed.success) ctx.addIssue({ code: "custom", path: [i === 0 ? names.min : names.max], message: "A whole number." });
    return parsed.success ? parsed.data : undefined;
  });
  if (min === undefined || max === undefined) return undefined;
  const limits = PRICE_LIMITS[kind];
  if (min < limits.min || max > limits.max) {
    ctx.addIssue({ code: "custom", path: [names.min], message: `Within ${limits.min}..${limits.max}.` });
    return undefined;
  }
  if (min > max) {
    ctx.addIssue({ code: "custom", path: [names.max], message: "Not below the minimum." });
    return undefined;
  }
  return { min, max };
}

/** The admin's site-wide bounds: every kind's min and max. */
export const ZSiteBounds = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const out = {} as Record<PriceKind, Bounds>;
  for (const kind of PRICE_KINDS) {
    const bounds = boundsOf(kind, raw, ctx, false);
    if (bounds) out[kind] = bounds;
  }
  return out;
});

/** A performer's overrides: a kind left empty falls back to the site's bounds. */
export const ZPerformerBounds = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const out = {} as Record<PriceKind, Bounds | null>;
  for (const kind of PRICE_KINDS) {
    const bounds = boundsOf(kind, raw, ctx, true);
    if (bounds !== undefined) out[kind] = bounds;
  }
  return out;
});
