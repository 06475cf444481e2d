import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { AdultNotice } from "@/components/brand/adult-notice";
import { LiveNotices } from "@/components/follow/live-notices";
import { BalanceProvider } from "@/components/balance/balance-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { ZodJitless } from "@/components/layout/zod-jitless";
import { accentCss, ADULT_NOTICE_COOKIE } from "@/lib/brand/brand";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { getBrand } from "@/lib/server/settings/get-brand";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const brand = await getBrand();
  const icon = brand.logoPath ?? "/icon.svg";
  return {
    title: { default: brand.siteName, template: `%s · ${brand.siteName}` },
    description: "Live video chat with performers: free public rooms, private shows and tips.",
    icons: { icon, apple: icon },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [brand, jar, user] = await Promise.all([getBrand(), cookies(), getCurrentUser()]);
  const askAge = brand.adultNotice && jar.get(ADULT_NOTICE_COOKIE)?.value !== "1";
  return (
    <html lang="en">
      <head>
        <style data-testid="brand-accent">{accentCss(brand.accentColor)}</style>
      </head>
      <body className="min-h-screen bg-slate-950 text-slate-100 antialiased">
        <ZodJitless />
        {/* Keyed by user: signing in as someone else starts from their balance and their stream. */}
        <BalanceProvider key={user?.id ?? "anonymous"} userId={user?.id ?? null} initial={user?.credits ?? 0}>
          <SiteHeader brand={brand} user={user} />
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
          {user?.role === "viewer" && <LiveNotices />}
        </BalanceProvider>
        {askAge && <AdultNotice siteName={brand.siteName} />}
      </body>
    </html>
  );
}
