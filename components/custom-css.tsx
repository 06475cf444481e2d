import { getCustomCss } from "@/lib/server/settings/get-custom-css";

/**
 * The admin's custom CSS (Settings) for the wall and room pages. getCustomCss serves only CSS that
 * has no "<" and fetches nothing from other sites (lib/settings/custom-css.ts).
 */
export async function CustomCss() {
  const css = await getCustomCss();
  if (!css.trim()) return null;
  return <style data-testid="custom-css">{css}</style>;
}
