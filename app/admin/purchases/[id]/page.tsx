import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaypalMessage } from "@/components/admin/paypal-message";
import { PurchaseStatus } from "@/components/admin/status-badge";
import { Card, Empty, formatDate, LINK, PageTitle, Table, TD } from "@/components/admin/ui";
import { AppError } from "@/lib/errors";
import { routeId } from "@/lib/http/route-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getPurchase } from "@/lib/server/purchases/get-purchase";

export const metadata: Metadata = { title: "Purchase · Admin" };

export default async function AdminPurchasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(["admin"], `/admin/purchases/${id}`);
  const purchaseId = routeId(id);
  if (purchaseId === null) notFound();
  const purchase = await getPurchase({ purchaseId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <PageTitle>Purchase {purchase.txnId}</PageTitle>
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-400">User</dt><dd><Link className={LINK} href={`/admin/users/${purchase.user.id}`}>{purchase.user.username}</Link> ({purchase.user.email})</dd></div>
          <div><dt className="text-slate-400">Pack</dt><dd>{purchase.itemName}: {purchase.credits} credits</dd></div>
          <div><dt className="text-slate-400">Price</dt><dd>{purchase.price} {purchase.currency}</dd></div>
          <div><dt className="text-slate-400">Date</dt><dd>{formatDate(purchase.date)}</dd></div>
          <div><dt className="text-slate-400">Status</dt><dd><PurchaseStatus status={purchase.status} /></dd></div>
          <div><dt className="text-slate-400">Source</dt><dd>{purchase.source}{purchase.orderId && ` · order ${purchase.orderId}`}</dd></div>
        </dl>
      </Card>
      <section aria-labelledby="ledger-title" className="space-y-3">
        <h2 id="ledger-title" className="text-lg font-semibold">Credit movements</h2>
        {purchase.ledger.length === 0 ? (
          <Empty>No credits were moved for this transaction (yet).</Empty>
        ) : (
          <Table caption="Credit movements" head={["When", "Kind", "Credits", "Balance after"]}>
            {purchase.ledger.map((l) => (
              <tr key={l.id}>
                <td className={TD}>{formatDate(l.createdAt)}</td>
                <td className={TD}>{l.kind}</td>
                <td className={TD}>{l.delta > 0 ? `+${l.delta}` : l.delta}</td>
                <td className={TD}>{l.balanceAfter}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="messages-title" className="space-y-3">
        <h2 id="messages-title" className="text-lg font-semibold">PayPal messages</h2>
        {purchase.messages.length === 0 ? <Empty>No stored PayPal message names this transaction.</Empty> : purchase.messages.map((m) => <PaypalMessage key={m.id} message={m} />)}
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-400">Stored log of the purchase row</summary>
          <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-xs">{purchase.log}</pre>
        </details>
      </section>
    </div>
  );
}
