import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { TSignUp } from "@/lib/validations/auth";

// Viewer sign-up. Only viewers sign up; performers and admins are created by an admin.
export async function signUpViewer(input: TSignUp): Promise<{ id: number }> {
  const passwordHash = await bcrypt.hash(input.password, 10);
  try {
    return await prisma.user.create({
      data: { email: input.email, username: input.username, gender: input.gender, passwordHash, role: "viewer" },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const field = uniqueField(error);
    throw new AppError("conflict", "That account already exists.", {
      [field]: field === "email" ? "An account with this e-mail already exists." : "This username is taken.",
    });
  }
}

// Prisma reports the violated columns in meta.target, or through the driver adapter's cause.
function uniqueField(error: unknown): "email" | "username" {
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const adapterCause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause;
  const fields = [meta.target, adapterCause?.constraint?.fields].flat().map(String).join(" ");
  return fields.includes("username") ? "username" : "email";
}
