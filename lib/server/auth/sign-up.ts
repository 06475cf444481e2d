import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation, uniqueViolationTarget } from "@/lib/errors";
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
    const field = uniqueViolationTarget(error).includes("username") ? "username" : "email";
    throw new AppError("conflict", "That account already exists.", {
      [field]: field === "email" ? "An account with this e-mail already exists." : "This username is taken.",
    });
  }
}
