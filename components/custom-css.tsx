/**
 * The admin's custom CSS (Settings) for the wall and room pages, as getCustomCss returns it: every
 * "<" escaped, so the text can never contain "</" and cannot close the element; React also escapes
 * "</style" itself.
 */
export function CustomCss({ css }: { css: string }) {
  if (!css.trim()) return null;
  return <style data-testid="custom-css">{css}</style>;
}
