// The webmaster's brand as every page sees it. Pure, so the header (server) and the 18+ notice
// (client) share the defaults.

export type Brand = {
  siteName: string;
  logoPath: string | null;
  accentColor: string;
  wallHeadline: string;
  adultNotice: boolean;
};

export const DEFAULT_BRAND: Brand = {
  siteName: "Live cams",
  logoPath: null,
  accentColor: "#db2777",
  wallHeadline: "Performers",
  adultNotice: false,
};

/** The cookie that remembers, per browser, that the visitor confirmed the 18+ notice. */
export const ADULT_NOTICE_COOKIE = "adult_ok";

/**
 * The site's accent replaces Tailwind's pink palette (every primary button and link uses it), by
 * overriding the palette's CSS variables. Only a validated #rrggbb ever reaches this string.
 */
export function accentCss(accent: string): string {
  if (!/^#[0-9a-f]{6}$/.test(accent)) return "";
  const mix = (other: string, share: number) => `color-mix(in oklab, ${accent} ${share}%, ${other})`;
  return `:root{--color-pink-300:${mix("white", 45)};--color-pink-400:${mix("white", 70)};--color-pink-500:${mix("white", 85)};--color-pink-600:${accent};--color-pink-700:${mix("black", 80)};}`;
}
