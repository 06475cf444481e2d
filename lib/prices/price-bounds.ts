import type { PriceKind as DbPriceKind } from "@/lib/generated/prisma/enums";

// A performer's own prices and the admin's limits on them. Pure (client-importable): the studio
// form shows the same limits the server enforces.

export type Bounds = { min: number; max: number };
export type PriceBounds = Record<PriceKind, Bounds>;
export type PerformerPrices = {
  ratePerMinute: number;
  spyRatePerMinute: number;
  groupRatePerMinute: number;
  ticketPrice: number;
  minimumSeconds: number;
};

export const PRICE_KINDS = ["private_rate", "spy_rate", "group_rate", "ticket_price", "minimum_seconds"] as const satisfies readonly DbPriceKind[];
/** The kinds of price a performer sets (the database enum, for components that may not import it). */
export type PriceKind = (typeof PRICE_KINDS)[number];

/** Which performer field each kind limits, and how the forms name it. */
export const PRICE_FIELDS: Record<PriceKind, { field: keyof PerformerPrices; label: string; unit: string }> = {
  private_rate: { field: "ratePerMinute", label: "Private show rate", unit: "credits per minute" },
  spy_rate: { field: "spyRatePerMinute", label: "Spy rate", unit: "credits per minute" },
  group_rate: { field: "groupRatePerMinute", label: "Group show rate", unit: "credits per minute" },
  ticket_price: { field: "ticketPrice", label: "Ticket price", unit: "credits" },
  minimum_seconds: { field: "minimumSeconds", label: "Minimum private show length", unit: "seconds" },
};

/** The hard limits of the columns (CHECKs in the migrations): no admin bound may leave them. */
export const PRICE_LIMITS: PriceBounds = {
  private_rate: { min: 1, max: 100_000 },
  spy_rate: { min: 1, max: 100_000 },
  group_rate: { min: 1, max: 100_000 },
  ticket_price: { min: 1, max: 100_000 },
  minimum_seconds: { min: 0, max: 3_600 },
};

/** The site-wide bounds until the admin sets their own. */
export const DEFAULT_PRICE_BOUNDS: PriceBounds = {
  private_rate: { min: 1, max: 1_000 },
  spy_rate: { min: 1, max: 1_000 },
  group_rate: { min: 1, max: 1_000 },
  ticket_price: { min: 1, max: 10_000 },
  minimum_seconds: { min: 0, max: 900 },
};

export type BoundRow = { performerId: number | null; kind: PriceKind; min: number; max: number };

/** A performer's bounds: their override where the admin set one, else the site's, else the default. */
export function effectiveBounds(rows: BoundRow[], performerId: number | null): PriceBounds {
  const bounds = structuredClone(DEFAULT_PRICE_BOUNDS);
  for (const row of rows) if (row.performerId === null) bounds[row.kind] = { min: row.min, max: row.max };
  if (performerId !== null) {
    for (const row of rows) if (row.performerId === performerId) bounds[row.kind] = { min: row.min, max: row.max };
  }
  return bounds;
}

/** The fields of `prices` outside their bounds, with a message each (empty when all fit). */
export function priceProblems(prices: PerformerPrices, bounds: PriceBounds): Partial<Record<keyof PerformerPrices, string>> {
  const problems: Partial<Record<keyof PerformerPrices, string>> = {};
  for (const kind of PRICE_KINDS) {
    const { field, unit } = PRICE_FIELDS[kind];
    const { min, max } = bounds[kind];
    if (prices[field] < min || prices[field] > max) problems[field] = `Between ${min} and ${max} ${unit}.`;
  }
  return problems;
}

export function clampToBounds(value: number, bounds: Bounds): number {
  return Math.min(bounds.max, Math.max(bounds.min, value));
}
