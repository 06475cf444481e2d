import { z } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors";

/** A JSON answer before it becomes a Response: what route handlers return and what idempotency stores. */
export type JsonResult = { status: number; body: unknown };

export function errorBody(code: AppErrorCode, message: string) {
  return { error: { code, message } };
}

// Maps anything a route handler throws to the API's error shape: an AppError answers its own code and
// status, a ZodError is a 422 naming the field, and anything else is a fault: logged here, answered
// with a generic 500 that carries no stack trace, SQL or message text.
export function errorResult(error: unknown): JsonResult {
  if (error instanceof AppError) return { status: error.status, body: errorBody(error.code, error.message) };
  if (error instanceof z.ZodError) return { status: 422, body: errorBody("invalid_request", describeIssues(error.issues)) };
  console.error(error);
  return { status: 500, body: errorBody("internal_error", "Internal error") };
}

/** A refusal made on purpose (an AppError below 500, or a ZodError), as opposed to a fault. */
export function isRefusal(error: unknown): boolean {
  return (error instanceof AppError && error.status < 500) || error instanceof z.ZodError;
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
