import { z } from "zod";
import { zCurrency, zDecimal } from "./fields";

export const ZCreditPack = z.object({
  // ppv_item.seconds: the number of credits the pack grants (the seed's naming).
  credits: z.coerce.number("Enter a whole number of credits.").int("A whole number of credits.").min(1, "At least 1 credit.").max(10_000_000, "At most 10000000."),
  // decimal(10,2) > 0, as the database CHECK says.
  price: zDecimal({ places: 2, digits: 10 }),
  currency: zCurrency,
  description: z.string().trim().min(1, "Describe the pack, e.g. 600 credits for 10.00.").max(255, "At most 255 characters."),
});
export type TCreditPack = z.infer<typeof ZCreditPack>;
