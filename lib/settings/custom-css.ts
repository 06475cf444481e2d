// Custom CSS is admin input rendered inside a <style> element on public pages. CSS cannot run script,
// but it can do two harmful things: end the element ("</style><script>…"), and make every visitor's
// browser fetch from another site (@import, url(), image-set("…")), which leaks visits and, with
// attribute selectors, page content. So the form refuses any "<" (CSS never needs one), any @import,
// image-set() or src(), and any url() that is not a path on this site; and the renderer drops a stored
// value that breaks these rules (an older version, a SQL console) instead of serving it.
//
// The checks run on the CSS as a browser could read it: escapes decoded ("\75 rl(" is "url("), once with
// comments removed ("@import/**/'…'") and once with them kept (a "/*" inside a string is no comment,
// and must not hide what follows it), so no spelling slips past them.

export const CUSTOM_CSS_MAX = 20_000;

/** A path on this site ("/uploads/a.jpg"), or a fragment ("#clip") — never "//host", "/\host" or a scheme. */
const SAME_ORIGIN_URL = /^(\/(?![/\\])[A-Za-z0-9._~!$&'*+,;=:@%/?#-]*|#[A-Za-z0-9_-]*)$/;

function decodeEscapes(css: string): string {
  return css
    .replace(/\\[0-9a-fA-F]{1,6}[ \t\n\r\f]?/g, (escape) => {
      const code = Number.parseInt(escape.slice(1).trim(), 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\uFFFD" : String.fromCodePoint(code);
    })
    .replace(/\\(\r\n|[\n\r\f])/g, "")
    .replace(/\\([\s\S])/g, "$1");
}

/** The CSS as a browser may tokenise it, for the checks: escapes decoded, with and without comments. */
function readings(css: string): string[] {
  return [decodeEscapes(css), decodeEscapes(css.replace(/\/\*[\s\S]*?(\*\/|$)/g, ""))];
}

/** The arguments of every url(…) in `css`, unquoted and trimmed. */
function urlArguments(css: string): string[] {
  const found: string[] = [];
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi;
  for (const match of css.matchAll(pattern)) found.push((match[1] ?? match[2] ?? match[3] ?? "").trim());
  return found;
}

/** Why `css` cannot be saved (a message for the field), or undefined when it can. */
export function customCssProblem(css: string): string | undefined {
  if (css.includes("<")) return LESS_THAN;
  for (const text of readings(css)) {
    const problem = readingProblem(text);
    if (problem) return problem;
  }
  return undefined;
}

const LESS_THAN = "The CSS may not contain “<” (it could end the <style> element).";

function readingProblem(text: string): string | undefined {
  if (text.includes("<")) return LESS_THAN;
  if (/@import/i.test(text)) return "@import is not allowed: put the rules here instead.";
  if (/(image-set|src)\s*\(/i.test(text)) return "image-set() and src() are not allowed: use url() with a path on this site.";
  const outside = urlArguments(text).find((url) => !SAME_ORIGIN_URL.test(url));
  if (outside !== undefined) {
    return `url(${outside.slice(0, 80)}) is not allowed: url() may only name a file on this site, as a path starting with / (e.g. url(/uploads/…)).`;
  }
  return undefined;
}

/** The CSS to serve: the stored value when it follows the rules above, otherwise nothing. */
export function sanitizeCustomCss(css: string): string {
  return customCssProblem(css) === undefined ? css : "";
}
