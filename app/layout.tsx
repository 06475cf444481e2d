import type { Metadata, Viewport } from "next";
import { BalanceProvider } from "@/components/balance/balance-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Live cams", template: "%s · Live cams" },
  description: "Live video chat with performers: free public rooms, private shows and tips.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-950 text-slate-100 antialiased">
        {/* Keyed by user: signing in as someone else starts from their balance and their stream. */}
        <BalanceProvider key={user?.id ?? "anonymous"} userId={user?.id ?? null} initial={user?.credits ?? 0}>
          <SiteHeader user={user} />
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </BalanceProvider>
      </body>
    </html>
  );
}
