import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/layout/site-header";
import { ZodJitless } from "@/components/layout/zod-jitless";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Live cams", template: "%s · Live cams" },
  description: "Live video chat with performers: free public rooms, private shows and tips.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-950 text-slate-100 antialiased">
        <ZodJitless />
        <SiteHeader />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
