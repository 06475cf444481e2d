import type { Metadata } from "next";
import Link from "next/link";
import { HistoryTable } from "@/components/account/history-table";
import { LiveBalance } from "@/components/balance/balance-provider";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { listHistory } from "@/lib/server/users/list-history";
import { ZHistoryPage } from "@/lib/validations/account";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser(["viewer", "performer", "admin"], "/account");
  const page = ZHistoryPage.parse((await searchParams).page);
  const { lines, pages } = await listHistory(user.id, page);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">My account</h1>
        <Link className="text-sm underline" href="/account/settings">Account settings</Link>
      </div>
      <p className="text-lg">
        Balance: <strong><LiveBalance testId="account-balance" /></strong> credits
        {user.flagged && <span className="ml-2 text-sm text-red-300">(on hold: a PayPal payment was reversed)</span>}
        {user.role === "viewer" && <Link className="ml-3 text-sm text-pink-300 underline" href="/credits">Buy credits</Link>}
      </p>
      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-xl font-semibold">History</h2>
        <HistoryTable lines={lines} />
        {pages > 1 && (
          <nav aria-label="History pages" className="flex gap-4 text-sm">
            {page > 1 && <Link className="underline" href={`/account?page=${page - 1}`}>Newer</Link>}
            <span>Page {page} of {pages}</span>
            {page < pages && <Link className="underline" href={`/account?page=${page + 1}`}>Older</Link>}
          </nav>
        )}
      </section>
    </div>
  );
}
