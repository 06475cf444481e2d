/**
 * The same-origin path (with query and hash) a user-given redirect target names, or `fallback`.
 * Parsed with `URL` against the site's origin the way a browser would, so `/\evil.example`,
 * `/<TAB>/evil.example`, `//evil.example` and `javascript:` all resolve elsewhere and are refused.
 * Returns a path, never an absolute URL: the caller's own origin (whatever host the page is on) stays.
 */
export function safeCallbackPath(raw: unknown, origin: string, fallback = "/"): string {
  if (typeof raw !== "string" || raw === "") return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path like "//evil.example" (from "/.//evil.example") would be read as another host when used as is.
  return path.startsWith("//") ? fallback : path;
}
