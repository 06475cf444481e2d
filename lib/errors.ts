// One error type for every refusal the site makes on purpose. Route handlers and server actions map
// `code` to an HTTP status here; anything that is not an AppError is a fault and answers 500 with a
// generic message (see lib/http/error-response.ts).

export const ERROR_STATUS = {
  invalid_json: 400,
  idempotency_key_required: 400,
  bad_request: 400,
  invalid_signature: 401,
  stale_timestamp: 401,
  unauthorized: 401,
  insufficient_credits: 402,
  payment_declined: 402,
  forbidden: 403,
  account_blocked: 403,
  account_on_hold: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_conflict: 409,
  performer_unavailable: 409,
  show_in_progress: 409,
  invalid_transition: 409,
  spying_disabled: 409,
  group_minimum_not_reached: 409,
  sold_out: 409,
  conflict: 409,
  payment_mismatch: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_request: 422,
  too_many_requests: 429,
  internal_error: 500,
  paypal_unavailable: 502,
  video_unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Prisma's "unique constraint failed" error, matched on its code, never its message text. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Prisma's "record to update/delete/find not found" (P2025), matched on its code: a 404, not a fault. */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** The constraint or columns a unique violation names (meta.target, or the driver adapter's cause). */
export function uniqueViolationTarget(error: unknown): string {
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: string[]; index?: string } } } | undefined)?.cause;
  return [meta.target, cause?.constraint?.fields, cause?.constraint?.index].flat().filter(Boolean).map(String).join(" ");
}
