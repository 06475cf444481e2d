import type { Metadata } from "next";
import Link from "next/link";
import { PerformerReportView } from "@/components/admin/performer-report";
import { RevenueCharts } from "@/components/admin/revenue-charts";
import { FilterInput, FilterSelect, SearchForm } from "@/components/admin/search-form";
import { Empty, LINK, PageTitle, Table, TD } from "@/components/admin/ui";
import { defaultPeriod, reportPeriodProblem } from "@/lib/admin/period";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { AppError } from "@/lib/errors";
import { routeId } from "@/lib/http/route-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { listPerformerOptions } from "@/lib/server/performers/list-performer-options";
import { getPerformerReport } from "@/lib/server/reports/get-performer-report";
import { getRevenueCharts } from "@/lib/server/reports/get-revenue-charts";
import { getSiteCurrency } from "@/lib/server/settings/get-site-currency";
import { zPage } from "@/lib/validations/admin/fields";
import { ZReportQuery } from "@/lib/validations/admin/report";
import { markPaidAction } from "./actions";

export const metadata: Metadata = { title: "Reports · Admin" };

export default async function AdminReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(["admin"], "/admin/reports");
  const raw = await flatParams(searchParams);
  const parsed = ZReportQuery.safeParse({ ...defaultPeriod(), ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v)) });
  // A link from anywhere can open this page: a period the reports refuse falls back to the last 30 days.
  const problem = parsed.success ? reportPeriodProblem(parsed.data.from, parsed.data.to) : "That period is not valid.";
  const query = parsed.success && !problem ? parsed.data : { ...defaultPeriod(), performerId: parsed.data?.performerId };
  const page = zPage.catch(1).parse(raw.page);
  // An id no row can have (beyond int4) is an unknown performer, not a query.
  const performerId = query.performerId && routeId(String(query.performerId));
  const [performers, charts, currency, report] = await Promise.all([
    listPerformerOptions(),
    getRevenueCharts(query),
    getSiteCurrency(),
    performerId
      ? getPerformerReport({ performerId, from: query.from, to: query.to, page }).catch((error) => {
          if (error instanceof AppError && error.code === "not_found") return null;
          throw error;
        })
      : null,
  ]);
  const options = [{ value: "", label: "All performers" }, ...performers.map((p) => ({ value: String(p.id), label: p.displayName }))];
  return (
    <div className="space-y-6">
      <PageTitle>Reports and payouts</PageTitle>
      <SearchForm action="/admin/reports" label="Report period">
        <FilterSelect label="Performer" name="performerId" defaultValue={query.performerId ? String(query.performerId) : ""} options={options} />
        <FilterInput label="From" name="from" type="date" defaultValue={query.from} />
        <FilterInput label="To (inclusive)" name="to" type="date" defaultValue={query.to} />
      </SearchForm>
      {problem && <p role="alert" className="text-sm text-red-300">{problem} Showing the last 30 days.</p>}
      <p className="text-xs text-slate-400">Days are UTC. Amounts are ppv_tips prices and performer benefits in {currency}.</p>
      {report ? <PerformerReportView report={report} currency={currency} markPaid={markPaidAction} /> : query.performerId && <Empty>No such performer.</Empty>}
      <section aria-labelledby="site-title" className="space-y-4">
        <h2 id="site-title" className="text-lg font-semibold">Whole site, {query.from} to {query.to}</h2>
        <RevenueCharts bucket={charts.bucket} buckets={charts.buckets} top={charts.top} currency={currency} />
        {charts.top.length === 0 ? (
          <Empty>No revenue in this period.</Empty>
        ) : (
          <Table caption="Top performers" head={["Performer", "Rows", `Revenue (${currency})`, `Benefit (${currency})`]} testId="top-performers">
            {charts.top.map((p) => (
              <tr key={p.performerId}>
                <td className={TD}>
                  <Link className={LINK} href={`/admin/reports?${new URLSearchParams({ performerId: String(p.performerId), from: query.from, to: query.to })}`}>{p.name}</Link>
                </td>
                <td className={TD}>{p.rows}</td>
                <td className={TD}>{p.revenue}</td>
                <td className={TD}>{p.benefit}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
