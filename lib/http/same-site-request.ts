import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * For the JSON routes the site's own pages call with the session cookie: refuses anything another
 * site could make a browser send. A cross-site form cannot send application/json, and browsers put
 * the page's Origin on every POST; a request without it, or from another origin, is refused with 403.
 */
export function assertSameSiteJson(request: Request, appUrl = loadEnv().APP_URL): void {
  if (request.headers.get("origin") !== new URL(appUrl).origin) {
    throw new AppError("forbidden", "Cross-site request refused: this endpoint answers the site's own pages only.");
  }
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("forbidden", "Send JSON (content-type: application/json) from the site's own pages.");
  }
}
