import type { MetadataRoute } from "next";
import { getBrand } from "@/lib/server/settings/get-brand";

// Read per request: the brand lives in the database, which does not exist at build time.
export const dynamic = "force-dynamic";

// The app icon installed on a phone's home screen follows the brand's logo.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const brand = await getBrand();
  const icon = brand.logoPath ?? "/icon.svg";
  return {
    name: brand.siteName,
    short_name: brand.siteName.slice(0, 12),
    start_url: "/",
    display: "standalone",
    background_color: "#020617",
    theme_color: brand.accentColor,
    icons: [{ src: icon, sizes: "any", type: icon.endsWith(".svg") ? "image/svg+xml" : undefined }],
  };
}
