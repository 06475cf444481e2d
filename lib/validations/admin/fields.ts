import { z } from "zod";

// Field builders shared by the admin forms. Every form posts strings; these turn them into typed
// values with messages a person can act on, and keep money as decimal strings (never floats).

/** "" → undefined, so optional form fields can be left empty. */
export const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const zId = z.coerce.number().int().positive();

export const zEmail = z.email("Enter a valid e-mail address.").max(255).transform((v) => v.toLowerCase());

export const zUsername = z
  .string()
  .trim()
  .min(3, "At least 3 characters.")
  .max(30, "At most 30 characters.")
  .regex(/^[A-Za-z0-9_]+$/, "Letters, digits and _ only.");

export const zCurrency = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, "A 3-letter ISO code, e.g. USD."));

/** A positive decimal with at most `places` decimals and `digits` digits in all, kept as a string. */
export function zDecimal(options: { places: number; digits: number; max?: number; allowZero?: boolean; label?: string }) {
  const { places, digits, max, allowZero = false } = options;
  const pattern = new RegExp(`^\\d{1,${digits - places}}(\\.\\d{1,${places}})?$`);
  return z
    .string()
    .trim()
    .regex(pattern, `A number with at most ${places} decimals, e.g. ${places === 2 ? "9.99" : "0.016667"}.`)
    .refine((v) => allowZero || /[1-9]/.test(v), "Must be more than 0.")
    .refine((v) => max === undefined || Number(v) <= max, `At most ${max}.`);
}

/** A calendar day as YYYY-MM-DD (the admin works in UTC days). */
export const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a real date.");

export const zPage = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));
