import { getCustomCss } from "@/lib/server/settings/get-custom-css";

/**
 * The admin's custom CSS (Settings) for the wall and room pages. getCustomCss escapes every "<", so
 * the text can never contain "</" and cannot close the element; React also escapes "</style" itself.
 */
export async function CustomCss() {
  const css = await getCustomCss();
  if (!css.trim()) return null;
  return <style data-testid="custom-css">{css}</style>;
}
