import { z } from "zod";

// Field builders shared by the admin forms. Every form posts strings; these turn them into typed
// values with messages a person can act on, and keep money as decimal strings (never floats).

/** "" → undefined, so optional form fields can be left empty. */
export const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const INT4_MAX = 2_147_483_647;

/**
 * A whole number written plainly: optional "-" and decimal digits only. Strings such as "1e3",
 * "0x10", " 5 ", "+5" or "5." are refused with `message` rather than coerced (Number() would take
 * them all); numbers (from code, not forms) pass through to the same bounds.
 */
export function zWholeNumber(options: { min: number; max: number; message: string; minMessage?: string; maxMessage?: string }) {
  const { min, max, message } = options;
  return z.preprocess(
    (v) => (typeof v === "string" && /^-?[0-9]{1,16}$/.test(v) ? Number(v) : v),
    z
      .number(message)
      .int(message)
      .min(min, options.minMessage ?? `At least ${min}.`)
      .max(max, options.maxMessage ?? `At most ${max}.`),
  );
}

export const zId = zWholeNumber({ min: 1, max: INT4_MAX, message: "An id: a positive whole number." });

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

/**
 * A positive decimal with at most `places` decimals and `digits` digits in all, kept as a string and
 * written plainly (digits, an optional "." and decimals: no sign, exponent, spaces or trailing dot).
 * `max` is a decimal string, compared exactly (decimalUnits), never as a float.
 */
export function zDecimal(options: { places: number; digits: number; max?: string; allowZero?: boolean }) {
  const { places, digits, max, allowZero = false } = options;
  const pattern = new RegExp(`^[0-9]{1,${digits - places}}(\\.[0-9]{1,${places}})?$`);
  return z
    .string()
    .regex(pattern, { message: `A number with at most ${places} decimals, e.g. ${places === 2 ? "9.99" : "0.016667"}.`, abort: true })
    .refine((v) => allowZero || /[1-9]/.test(v), "Must be more than 0.")
    .refine((v) => max === undefined || decimalUnits(v, places) <= decimalUnits(max, places), `At most ${max}.`);
}

/** A plain decimal string as an integer count of 10^-places units: "1.5", 3 → 1500n. Exact. */
export function decimalUnits(value: string, places: number): bigint {
  const [whole = "0", fraction = ""] = value.split(".");
  return BigInt(whole + fraction.padEnd(places, "0").slice(0, places));
}

/** A calendar day as YYYY-MM-DD (the admin works in UTC days). */
export const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a real date.");

export const zPage = z.preprocess(emptyToUndefined, zWholeNumber({ min: 1, max: 100_000, message: "A page number." }).default(1));
