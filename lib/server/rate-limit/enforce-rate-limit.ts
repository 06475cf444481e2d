import "server-only";
import { AppError } from "@/lib/errors";
import { hitRateLimit, type RateLimitHit } from "./hit-rate-limit";

/** 429 too_many_requests, with the seconds a client should wait (the Retry-After header). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("too_many_requests", message);
  }
}

/** Counts a hit and throws RateLimitedError once `key` is over its limit for the window. */
export async function enforceRateLimit(options: RateLimitHit & { message: string }): Promise<void> {
  const { ok, retryAfterSeconds } = await hitRateLimit(options);
  if (!ok) throw new RateLimitedError(`${options.message} Try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
}
