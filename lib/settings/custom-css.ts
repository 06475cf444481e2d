// Custom CSS is admin input rendered inside a <style> element on public pages. CSS itself cannot run
// script, but markup can: "</style><script>…" would end the element. So the form refuses any "<"
// (CSS never needs one), and the renderer escapes "<" again in case a value reached the database
// some other way (an older version, a SQL console): "\3c " is CSS's own escape for "<".

export const CUSTOM_CSS_MAX = 20_000;

export function customCssProblem(css: string): string | undefined {
  if (css.includes("<")) return "The CSS may not contain “<” (it could end the <style> element).";
  return undefined;
}

export function escapeCustomCss(css: string): string {
  return css.replace(/</g, "\\3c ");
}
