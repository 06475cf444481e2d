import { isIP } from "node:net";

/**
 * The address a request came from, for throttling. Next.js fills X-Forwarded-For with the socket's
 * address when the request has none, and a reverse proxy appends the address it saw, so the last
 * entry is the nearest hop's view; a value that is not an IP address counts as "unknown" (one shared
 * bucket), so a forged header cannot mint unlimited keys.
 */
export function clientAddress(request: Request): string {
  const last = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? "";
  return isIP(last) ? last : "unknown";
}
