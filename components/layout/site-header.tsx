import Link from "next/link";
import type { Brand } from "@/lib/brand/brand";
import { LogoutButton } from "@/components/auth/logout-button";
import { LiveBalance } from "@/components/balance/balance-provider";
import type { CurrentUser } from "@/lib/server/auth/current-user";

const AREA_LINKS = {
  viewer: { href: "/account", label: "My account" },
  performer: { href: "/studio", label: "Studio" },
  admin: { href: "/admin", label: "Admin" },
} as const;

/** The site's header; the layout passes the brand and the signed-in user (or null). */
export function SiteHeader({ brand, user }: { brand: Brand; user: CurrentUser | null }) {
  return (
    <header className="border-b border-slate-800 bg-slate-900">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-pink-400" data-testid="site-name">
          {brand.logoPath && (
            // eslint-disable-next-line @next/next/no-img-element -- the webmaster's uploaded logo, any size
            <img src={brand.logoPath} alt="" className="h-8 w-8 rounded object-cover" />
          )}
          {brand.siteName}
        </Link>
        <span className="flex-1" />
        {user ? (
          <>
            <span className="text-sm text-slate-300" data-testid="header-user">
              {user.username}
              {user.role === "viewer" && <> · <LiveBalance testId="header-credits" /> credits</>}
            </span>
            {user.role === "viewer" && (
              <Link className="rounded bg-pink-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-pink-500" href="/credits">Buy credits</Link>
            )}
            <Link className="text-sm underline-offset-4 hover:underline" href={AREA_LINKS[user.role].href}>{AREA_LINKS[user.role].label}</Link>
            <LogoutButton />
          </>
        ) : (
          <>
            <Link className="text-sm underline-offset-4 hover:underline" href="/login">Log in</Link>
            <Link className="rounded bg-pink-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-pink-500" href="/signup">Sign up</Link>
          </>
        )}
      </nav>
    </header>
  );
}
