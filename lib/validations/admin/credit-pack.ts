import { z } from "zod";
import { MAX_CREDIT_VALUE, MAX_PACK_CREDITS } from "@/lib/money/limits";
import { decimalUnits, zCurrency, zDecimal, zWholeNumber } from "./fields";

const VALUE_UNITS = decimalUnits(MAX_CREDIT_VALUE, 6);

/** price / credits rounded half-up to 6 decimals (creditValueFromPack) ≤ MAX_CREDIT_VALUE, in integers. */
function fitsCreditValue(price: string, credits: number): boolean {
  const cents = decimalUnits(price, 2);
  const n = BigInt(credits);
  // value × 10^6 = cents × 10^4 / credits; half-up: floor((2 × cents × 10^4 + n) / 2n).
  return (2n * cents * 10_000n + n) / (2n * n) <= VALUE_UNITS;
}

/** The largest price (2 decimals) that fitsCreditValue for this many credits. */
function maxPackPrice(credits: number): string {
  const cents = (VALUE_UNITS * BigInt(credits)) / 10_000n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

export const ZCreditPack = z
  .object({
    // ppv_item.seconds: the number of credits the pack grants (the seed's naming).
    credits: zWholeNumber({ min: 1, max: MAX_PACK_CREDITS, message: "Enter a whole number of credits.", minMessage: "At least 1 credit." }),
    // decimal(10,2) > 0, as the database CHECK says.
    price: zDecimal({ places: 2, digits: 10 }),
    currency: zCurrency,
    description: z.string().trim().min(1, "Describe the pack, e.g. 600 credits for 10.00.").max(255, "At most 255 characters."),
  })
  .superRefine((pack, ctx) => {
    // Without a credit value setting, the first pack's price per credit is the credit value: it must
    // stay within the same bound (the database CHECK ppv_item_credit_value_check says the same).
    // Only once both fields are valid: zod runs this refinement even when a field failed.
    const valid = /^[0-9]{1,8}(\.[0-9]{1,2})?$/.test(pack.price) && Number.isSafeInteger(pack.credits) && pack.credits >= 1;
    if (valid && !fitsCreditValue(pack.price, pack.credits)) {
      ctx.addIssue({ code: "custom", path: ["price"], message: `At most ${MAX_CREDIT_VALUE} per credit: for ${pack.credits} credits, a price up to ${maxPackPrice(pack.credits)}.` });
    }
  });
export type TCreditPack = z.infer<typeof ZCreditPack>;
