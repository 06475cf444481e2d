import type { ActionResult } from "@/lib/http/action-result";
import { EARNING_KINDS, EARNING_LABEL } from "@/lib/reports/earning-kind";
import type { PerformerReport } from "@/lib/server/reports/get-performer-report";
import { ActionForm } from "./action-form";
import { SubmitButton, TextField } from "./fields";
import { Badge, Card, Empty, formatDate, LINK, Pagination, Table, TD } from "./ui";

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-800 p-3">
      <dt className="text-xs text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** One performer's period: totals, what is owed, "mark paid", the rows (as in the CSV) and past payouts. */
type PerformerReportViewProps = {
  report: PerformerReport;
  currency: string;
  markPaid: (formData: FormData) => Promise<ActionResult<unknown>>;
};

export function PerformerReportView({ report, currency, markPaid }: PerformerReportViewProps) {
  const query = new URLSearchParams({ performerId: String(report.performer.id), from: report.from, to: report.to });
  return (
    <div className="space-y-6">
      <Card title={`${report.performer.displayName}: ${report.from} to ${report.to}`} id="performer-report">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Tips" value={report.tips.count} testId="report-tips-count" />
          <Stat label="Tip credits" value={report.tips.credits} />
          <Stat label={`Tips price (${currency})`} value={report.tips.price} />
          <Stat label={`Tips benefit (${currency})`} value={report.tips.benefit} />
          <Stat label="Private shows" value={report.shows.count} testId="report-shows-count" />
          <Stat label="Show minutes" value={report.shows.minutes} />
          <Stat label="Show credits" value={report.shows.credits} />
          <Stat label={`Shows benefit (${currency})`} value={report.shows.benefit} />
        </dl>
        <Table caption="By kind" head={["Kind", "Rows", "Credits", `Price (${currency})`, `Benefit (${currency})`]} testId="report-by-kind">
          {EARNING_KINDS.map((kind) => (
            <tr key={kind} data-testid={`report-kind-${kind}`}>
              <td className={TD}>{EARNING_LABEL[kind]}</td>
              <td className={TD}>{report.byKind[kind].count}</td>
              <td className={TD}>{report.byKind[kind].credits}</td>
              <td className={TD}>{report.byKind[kind].price}</td>
              <td className={TD}>{report.byKind[kind].benefit}</td>
            </tr>
          ))}
        </Table>
        <div className="flex flex-wrap items-end justify-between gap-4 border-t border-slate-800 pt-3">
          <p>
            Owed for this period: <strong className="text-xl" data-testid="report-owed">{report.owed}</strong> {currency}{" "}
            <span className="text-sm text-slate-400">({report.owedRows} unpaid row(s); {report.owedAllTime} {currency} unpaid over all time, benefit share {report.performer.benefitPercent}%)</span>
          </p>
          <a className={LINK} href={`/admin/reports/csv?${query}`} download data-testid="report-csv-link">Download CSV</a>
        </div>
        {report.owedRows > 0 && (
          <ActionForm action={markPaid} success="Marked paid." aria-label="Mark paid" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="performerId" value={report.performer.id} />
            <input type="hidden" name="from" value={report.from} />
            <input type="hidden" name="to" value={report.to} />
            <input type="hidden" name="expectedAmount" value={report.owed} />
            <TextField label="Payment reference (optional)" name="reference" placeholder="e.g. bank transfer 2026-11-30" />
            <SubmitButton pendingText="Recording…">Mark {report.owed} {currency} paid</SubmitButton>
          </ActionForm>
        )}
      </Card>

      <section aria-labelledby="rows-title" className="space-y-3">
        <h2 id="rows-title" className="text-lg font-semibold">Rows</h2>
        {report.rows.length === 0 ? (
          <Empty>No tips or private shows in this period.</Empty>
        ) : (
          <Table caption="Report rows" head={["Id", "When", "Type", "Viewer", "Credits", "Seconds", "Price", "Benefit", "Item", "Payout"]} testId="report-rows">
            {report.rows.map((r) => (
              <tr key={r.id} data-testid="report-row">
                <td className={TD}>{r.id}</td>
                <td className={`${TD} whitespace-nowrap`}>{formatDate(r.date)}</td>
                <td className={TD}>{EARNING_LABEL[r.kind]}</td>
                <td className={TD}>{r.viewer}</td>
                <td className={TD}>{r.credits}</td>
                <td className={TD}>{r.seconds ?? ""}</td>
                <td className={TD}>{r.price}</td>
                <td className={TD}>{r.benefit}</td>
                <td className={TD}>{r.item}</td>
                <td className={TD}>{r.payoutId ? <Badge tone="green">#{r.payoutId}</Badge> : <Badge tone="yellow">unpaid</Badge>}</td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination page={report.page} pageSize={report.pageSize} total={report.rowCount} path="/admin/reports" params={{ performerId: String(report.performer.id), from: report.from, to: report.to }} />
      </section>

      <section aria-labelledby="refunds-title" className="space-y-3">
        <h2 id="refunds-title" className="text-lg font-semibold">Ticket refunds</h2>
        {report.refunds.length === 0 ? (
          <Empty>No ticket refunds in this period.</Empty>
        ) : (
          <Table caption="Ticket refunds" head={["Ticket", "Show", "Viewer", "Credits", "Refunded", "Reason"]} testId="report-refunds">
            {report.refunds.map((r) => (
              <tr key={r.ticketId}>
                <td className={TD}>{r.ticketId}</td>
                <td className={TD}>{r.show}</td>
                <td className={TD}>{r.viewer}</td>
                <td className={TD}>{r.credits}</td>
                <td className={`${TD} whitespace-nowrap`}>{formatDate(r.refundedAt)}</td>
                <td className={TD}>{r.reason}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="payouts-title" className="space-y-3">
        <h2 id="payouts-title" className="text-lg font-semibold">Payouts</h2>
        {report.payouts.length === 0 ? (
          <Empty>No payouts yet.</Empty>
        ) : (
          <Table caption="Payouts" head={["#", "Paid", "Period", "Amount", "Rows", "Reference", "By"]} testId="report-payouts">
            {report.payouts.map((p) => (
              <tr key={p.id}>
                <td className={TD}>{p.id}</td>
                <td className={`${TD} whitespace-nowrap`}>{formatDate(p.paidAt)}</td>
                <td className={`${TD} whitespace-nowrap`}>{p.periodStart.toISOString().slice(0, 10)} – {new Date(p.periodEnd.getTime() - 1).toISOString().slice(0, 10)}</td>
                <td className={TD}>{p.amount} {p.currency}</td>
                <td className={TD}>{p.rows}</td>
                <td className={TD}>{p.reference}</td>
                <td className={TD}>{p.admin}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
