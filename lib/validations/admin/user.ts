import { z } from "zod";
import { MAX_ADJUSTMENT } from "@/lib/money/limits";
import { emptyToUndefined, zPage, zWholeNumber } from "./fields";

export const ZUserSearch = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(255).optional()),
  page: zPage,
});
export type TUserSearch = z.infer<typeof ZUserSearch>;

export const ZCreditAdjustment = z.object({
  delta: zWholeNumber({
    min: -MAX_ADJUSTMENT, max: MAX_ADJUSTMENT, message: "Enter a whole number of credits.",
    minMessage: `At most ${MAX_ADJUSTMENT} at a time.`, maxMessage: `At most ${MAX_ADJUSTMENT} at a time.`,
  }).refine((v) => v !== 0, "Enter a number other than 0 (negative takes credits away)."),
  reason: z.string().trim().min(3, "Say why (at least 3 characters); the user's ledger shows it.").max(500, "At most 500 characters."),
  // Generated when the form renders: a double submit carries the same key and takes effect once.
  idempotencyKey: z.uuid("Reload the page and try again."),
});
export type TCreditAdjustment = z.infer<typeof ZCreditAdjustment>;
