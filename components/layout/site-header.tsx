import Link from "next/link";
import { LogoutButton } from "@/components/auth/logout-button";
import { LiveBalance } from "@/components/balance/balance-provider";
import type { CurrentUser } from "@/lib/server/auth/current-user";

const AREA_LINKS = {
  viewer: { href: "/account", label: "My account" },
  performer: { href: "/studio", label: "Studio" },
  admin: { href: "/admin", label: "Admin" },
} as const;

export function SiteHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className="border-b border-slate-800 bg-slate-900">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-pink-400">Live cams</Link>
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
