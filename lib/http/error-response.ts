import { z } from "zod";
import { AppError, isRecordNotFound, type AppErrorCode } from "@/lib/errors";

/** For Prisma's P2025: Prisma's own message names models and queries, so it is never shown. */
export const NOT_FOUND_MESSAGE = "That record does not exist (any more).";

/** A JSON answer before it becomes a Response: what route handlers return and what idempotency stores. */
export type JsonResult = { status: number; body: unknown };

export function errorBody(code: AppErrorCode, message: string) {
  return { error: { code, message } };
}

// Maps anything a route handler throws to the API's error shape: an AppError answers its own code and
// status, a ZodError is a 422 naming the field, Prisma's record-not-found (P2025) a 404, and anything
// else is a fault: logged here, answered with a generic 500 that carries no stack trace, SQL or message text.
export function errorResult(error: unknown): JsonResult {
  if (error instanceof AppError) return { status: error.status, body: errorBody(error.code, error.message) };
  if (isRecordNotFound(error)) return { status: 404, body: errorBody("not_found", NOT_FOUND_MESSAGE) };
  if (error instanceof z.ZodError) return { status: 422, body: errorBody("invalid_request", describeIssues(error.issues)) };
  console.error(error);
  return { status: 500, body: errorBody("internal_error", "Internal error") };
}

/** A refusal (an AppError below 500, a ZodError, a record not found), as opposed to a fault. */
export function isRefusal(error: unknown): boolean {
  return (error instanceof AppError && error.status < 500) || error instanceof z.ZodError || isRecordNotFound(error);
}

/** "credits: Too big: expected int to be <=100000": the first issue of each field (up to `max` fields). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "body";
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const parts = [...byField].slice(0, max).map(([field, message]) => `${field}: ${message}`);
  if (byField.size > max) parts.push(`and ${byField.size - max} more`);
  return parts.join("; ");
}
