import type { Metadata } from "next";
import Link from "next/link";
import { PaypalMessage } from "@/components/admin/paypal-message";
import { FilterInput, FilterSelect, SearchForm } from "@/components/admin/search-form";
import { Empty, LINK, PageTitle, Pagination } from "@/components/admin/ui";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { listPaypalMessages, MESSAGES_PAGE_SIZE } from "@/lib/server/purchases/list-paypal-messages";
import { ZPaypalMessageFilter } from "@/lib/validations/admin/purchase";

export const metadata: Metadata = { title: "PayPal messages · Admin" };

export default async function AdminPaypalMessagesPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(["admin"], "/admin/purchases/messages");
  const parsed = ZPaypalMessageFilter.safeParse(await flatParams(searchParams));
  const filter = parsed.success ? parsed.data : ZPaypalMessageFilter.parse({});
  const { messages, total, outcomes } = await listPaypalMessages(filter);
  return (
    <div className="space-y-4">
      <PageTitle action={<Link className={LINK} href="/admin/purchases">← Purchases</Link>}>PayPal messages</PageTitle>
      <p className="text-sm text-slate-400">Every IPN and capture answer received, accepted or refused, with the reason.</p>
      <SearchForm action="/admin/purchases/messages" label="Filter PayPal messages">
        <FilterSelect label="Outcome" name="outcome" defaultValue={filter.outcome} options={[{ value: "", label: "Any" }, ...outcomes.map((o) => ({ value: o, label: o }))]} />
        <FilterInput label="Transaction id" name="txn" defaultValue={filter.txn} />
      </SearchForm>
      {messages.length === 0 ? <Empty>No message matches.</Empty> : <div className="space-y-3">{messages.map((m) => <PaypalMessage key={m.id} message={m} />)}</div>}
      <Pagination page={filter.page} pageSize={MESSAGES_PAGE_SIZE} total={total} path="/admin/purchases/messages" params={{ outcome: filter.outcome, txn: filter.txn }} />
    </div>
  );
}
