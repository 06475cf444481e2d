import { z } from "zod";
import { AppError, isRecordNotFound, type AppErrorCode } from "@/lib/errors";
import { NOT_FOUND_MESSAGE } from "./error-response";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fields?: Record<string, string>; code?: AppErrorCode };

// Server actions answer with a value, never a thrown error: a form shows the message and the
// field errors; unknown faults are logged and get a generic message.
export function actionError(error: unknown): ActionResult<never> {
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join(".")] ??= issue.message;
    return { ok: false, message: "Check the highlighted fields.", fields, code: "invalid_request" };
  }
  if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields, code: error.code };
  if (isRecordNotFound(error)) return { ok: false, message: NOT_FOUND_MESSAGE, code: "not_found" };
  console.error(error);
  return { ok: false, message: "Something went wrong. Try again.", code: "internal_error" };
}
