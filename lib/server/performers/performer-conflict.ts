import "server-only";
import { AppError, uniqueViolationTarget } from "@/lib/errors";

/** A unique violation on users or performers, as the form field it concerns. */
export function performerConflict(error: unknown): AppError {
  const target = uniqueViolationTarget(error);
  if (target.includes("slug")) return new AppError("conflict", "That address is taken.", { slug: "Another performer uses this slug." });
  if (target.includes("username")) return new AppError("conflict", "That username is taken.", { username: "This username is taken." });
  return new AppError("conflict", "That e-mail is taken.", { email: "An account with this e-mail already exists." });
}
