import { z } from "zod";
import { CUSTOM_CSS_MAX, customCssProblem } from "@/lib/settings/custom-css";
import { MAX_CREDIT_VALUE } from "@/lib/money/limits";
import { emptyToUndefined, zCurrency, zDecimal, zWholeNumber } from "./fields";

export const ZSettings = z.object({
  // Empty = derived from the first credit pack (lib/server/money/get-credit-value.ts).
  // Bounded so that the largest tip's price fits ppv_tips.price (lib/money/limits.ts).
  creditValue: z.preprocess(emptyToUndefined, zDecimal({ places: 6, digits: 12, max: MAX_CREDIT_VALUE }).optional()),
  currency: zCurrency,
  paypalReceiverEmail: z.preprocess(emptyToUndefined, z.email("Enter a valid e-mail address.").max(255).transform((v) => v.toLowerCase()).optional()),
  chatProvider: z.enum(["builtin", "html5chat"], "Choose builtin or html5chat."),
  webmasterId: z.preprocess(emptyToUndefined, zWholeNumber({ min: 1, max: 2_147_483_647, message: "A positive whole number." }).optional()),
  // A checkbox: present ("on") when ticked, absent when not.
  spyEnabled: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  customCss: z
    .string()
    .max(CUSTOM_CSS_MAX, `At most ${CUSTOM_CSS_MAX} characters.`)
    .default("")
    .superRefine((css, ctx) => {
      const problem = customCssProblem(css);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
export type TSettings = z.infer<typeof ZSettings>;
