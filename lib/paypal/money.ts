// Money as integer cents. PayPal sends amounts as decimal strings ("10.00", "-10.00", "10"), the
// database holds decimal(10,2): comparing whole cents avoids float and formatting differences.

const AMOUNT = /^(-)?(\d{1,10})(?:\.(\d{1,2}))?$/;

/** PayPal's currencies without minor units: their amounts must be sent without decimals. */
const ZERO_DECIMAL_CURRENCIES = new Set(["HUF", "JPY", "TWD"]);

/** "10.00" → 1000, "-5.5" → -550, "10" → 1000; anything else (exponents, spaces, 3 decimals) → null. */
export function parseCents(value: string | null | undefined): number | null {
  const match = AMOUNT.exec(value?.trim() ?? "");
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/** A Prisma Decimal (or anything with toFixed) in whole cents. */
export function decimalToCents(value: { toFixed(digits: number): string }): number {
  const cents = parseCents(value.toFixed(2));
  if (cents === null) throw new Error(`Not an amount: ${value.toFixed(2)}`);
  return cents;
}

/** 1000 → "10.00": the database's decimal(10,2). */
export function centsToDecimal(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** 1000 → "10.00" (JPY, HUF, TWD: "10"), the form PayPal expects in `amount.value` and `amount`. */
export function formatAmount(cents: number, currency: string): string {
  return ZERO_DECIMAL_CURRENCIES.has(currency) ? centsToDecimal(cents).replace(/\.\d\d$/, "") : centsToDecimal(cents);
}
