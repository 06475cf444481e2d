import type { Metadata } from "next";
import Link from "next/link";
import { FilterInput, FilterSelect, SearchForm } from "@/components/admin/search-form";
import { PurchaseStatus } from "@/components/admin/status-badge";
import { Empty, formatDate, LINK, PageTitle, Pagination, Table, TD } from "@/components/admin/ui";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { listPurchases, PURCHASES_PAGE_SIZE } from "@/lib/server/purchases/list-purchases";
import { ZPurchaseFilter } from "@/lib/validations/admin/purchase";

export const metadata: Metadata = { title: "Purchases · Admin" };

const STATUSES = [{ value: "", label: "Any" }, ...["completed", "pending", "refunded", "reversed"].map((s) => ({ value: s, label: s }))];
const SOURCES = [{ value: "", label: "Any" }, { value: "orders", label: "Smart Buttons (orders)" }, { value: "ipn", label: "Buy Now (IPN)" }];

export default async function AdminPurchasesPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(["admin"], "/admin/purchases");
  const raw = await flatParams(searchParams);
  const parsed = ZPurchaseFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZPurchaseFilter.parse({});
  const { purchases, total } = await listPurchases(filter);
  return (
    <div className="space-y-4">
      <PageTitle action={<Link className={LINK} href="/admin/purchases/messages">All PayPal messages →</Link>}>Purchases</PageTitle>
      <SearchForm action="/admin/purchases" label="Filter purchases">
        <FilterSelect label="Status" name="status" defaultValue={filter.status} options={STATUSES} />
        <FilterSelect label="Source" name="source" defaultValue={filter.source} options={SOURCES} />
        <FilterInput label="User (id, e-mail, name)" name="user" defaultValue={filter.user} />
        <FilterInput label="From" name="from" type="date" defaultValue={filter.from} />
        <FilterInput label="To" name="to" type="date" defaultValue={filter.to} />
      </SearchForm>
      {!parsed.success && <p role="alert" className="text-sm text-red-300">Some filters were not valid and were ignored.</p>}
      {purchases.length === 0 ? (
        <Empty>No purchase matches.</Empty>
      ) : (
        <Table caption="Purchases" head={["When", "Transaction", "User", "Pack", "Credits", "Price", "Status", "Source"]} testId="admin-purchases">
          {purchases.map((p) => (
            <tr key={p.id} data-testid="admin-purchase-row">
              <td className={`${TD} whitespace-nowrap`}>{formatDate(p.date)}</td>
              <td className={TD}><Link className={LINK} href={`/admin/purchases/${p.id}`}>{p.txnId}</Link></td>
              <td className={TD}><Link className={LINK} href={`/admin/users/${p.user.id}`}>{p.user.username}</Link></td>
              <td className={TD}>{p.itemName}</td>
              <td className={TD}>{p.credits}</td>
              <td className={`${TD} whitespace-nowrap`}>{p.price} {p.currency}</td>
              <td className={TD}><PurchaseStatus status={p.status} /></td>
              <td className={TD}>{p.source}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={filter.page} pageSize={PURCHASES_PAGE_SIZE} total={total} path="/admin/purchases" params={{ ...filter, page: undefined }} />
    </div>
  );
}
