import { z } from "zod";
import { emptyToUndefined, zDay, zDecimal, zId } from "./fields";

export const ZReportQuery = z
  .object({
    performerId: z.preprocess(emptyToUndefined, zId.optional()),
    from: zDay,
    to: zDay,
  })
  .refine((v) => v.from <= v.to, { message: "The start must not be after the end.", path: ["to"] });
export type TReportQuery = z.infer<typeof ZReportQuery>;

export const ZMarkPaid = z
  .object({
    performerId: zId,
    from: zDay,
    to: zDay,
    reference: z.preprocess(emptyToUndefined, z.string().trim().max(255, "At most 255 characters.").optional()),
    // The amount the admin saw: if rows arrived since, the payout is refused rather than paying more.
    expectedAmount: zDecimal({ places: 3, digits: 12, allowZero: true }),
  })
  .refine((v) => v.from <= v.to, { message: "The start must not be after the end.", path: ["to"] });
export type TMarkPaid = z.infer<typeof ZMarkPaid>;
