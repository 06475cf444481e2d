import { z } from "zod";
import { emptyToUndefined, zPage } from "./fields";

export const ZUserSearch = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(255).optional()),
  page: zPage,
});
export type TUserSearch = z.infer<typeof ZUserSearch>;

export const ZCreditAdjustment = z.object({
  delta: z.coerce
    .number("Enter a whole number of credits.")
    .int("A whole number of credits.")
    .min(-1_000_000, "At most 1000000 at a time.")
    .max(1_000_000, "At most 1000000 at a time.")
    .refine((v) => v !== 0, "Enter a number other than 0 (negative takes credits away)."),
  reason: z.string().trim().min(3, "Say why (at least 3 characters); the user's ledger shows it.").max(500, "At most 500 characters."),
  // Generated when the form renders: a double submit carries the same key and takes effect once.
  idempotencyKey: z.uuid("Reload the page and try again."),
});
export type TCreditAdjustment = z.infer<typeof ZCreditAdjustment>;
