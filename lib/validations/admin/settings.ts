import { z } from "zod";
import { CUSTOM_CSS_MAX, customCssProblem } from "@/lib/settings/custom-css";
import { emptyToUndefined, zCurrency, zDecimal } from "./fields";

export const ZSettings = z.object({
  // Empty = derived from the first credit pack (lib/server/money/get-credit-value.ts).
  creditValue: z.preprocess(emptyToUndefined, zDecimal({ places: 6, digits: 12 }).optional()),
  currency: zCurrency,
  paypalReceiverEmail: z.preprocess(emptyToUndefined, z.email("Enter a valid e-mail address.").max(255).transform((v) => v.toLowerCase()).optional()),
  chatProvider: z.enum(["builtin", "html5chat"], "Choose builtin or html5chat."),
  webmasterId: z.preprocess(emptyToUndefined, z.coerce.number("A number.").int("A whole number.").positive("A positive number.").max(2_147_483_647).optional()),
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
