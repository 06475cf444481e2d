/**
 * The admin's custom CSS (Settings) for the wall and room pages. getCustomCss serves only CSS that
 * has no "<" and fetches nothing from other sites (lib/settings/custom-css.ts).
 */
export function CustomCss({ css }: { css: string }) {
  if (!css.trim()) return null;
  return <style data-testid="custom-css">{css}</style>;
}
