import { z } from "zod";

export const ZSignUp = z.object({
  email: z.email("Enter a valid e-mail address.").max(255).transform((v) => v.toLowerCase()),
  username: z
    .string()
    .trim()
    .min(3, "At least 3 characters.")
    .max(30, "At most 30 characters.")
    .regex(/^[A-Za-z0-9_]+$/, "Letters, digits and _ only."),
  password: z.string().min(8, "At least 8 characters.").max(128, "At most 128 characters."),
  gender: z.enum(["male", "female", "other"], "Choose one."),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZLogin = z.object({
  email: z.email().max(255).transform((v) => v.toLowerCase()),
  password: z.string().min(1).max(128),
});
export type TLogin = z.infer<typeof ZLogin>;
