import { z } from "zod";

const zNewPassword = z.string().min(8, "At least 8 characters.").max(128, "At most 128 characters.");
const zEmail = z.email("Enter a valid e-mail address.").max(255).transform((v) => v.toLowerCase());

export const ZSignUp = z.object({
  email: zEmail,
  username: z
    .string()
    .trim()
    .min(3, "At least 3 characters.")
    .max(30, "At most 30 characters.")
    .regex(/^[A-Za-z0-9_]+$/, "Letters, digits and _ only."),
  password: zNewPassword,
  gender: z.enum(["male", "female", "other"], "Choose one."),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZLogin = z.object({
  email: z.email().max(255).transform((v) => v.toLowerCase()),
  password: z.string().min(1).max(128),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZForgotPassword = z.object({ email: zEmail });

/** The token of an e-mailed link: 32 random bytes, base64url. */
const zToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Ask for a new one.");

export const ZResetPassword = z.object({ token: zToken, password: zNewPassword });
export const ZVerifyEmail = z.object({ token: zToken });

export const ZChangePassword = z.object({ currentPassword: z.string().min(1, "Enter your current password.").max(128), newPassword: zNewPassword });
export const ZCloseAccount = z.object({ password: z.string().min(1, "Enter your password.").max(128) });
