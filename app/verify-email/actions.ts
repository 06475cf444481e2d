"use server";

import { formAction } from "@/lib/http/form-action";
import { verifyEmail } from "@/lib/server/accounts/verify-email";
import { ZVerifyEmail } from "@/lib/validations/auth";

export const verifyEmailAction = formAction(ZVerifyEmail, verifyEmail);
