import "server-only";
import { toCsv } from "@/lib/admin/csv";
import { EARNING_LABEL } from "@/lib/reports/earning-kind";
import type { PerformerReport } from "./get-performer-report";

export const REPORT_CSV_HEADER = ["id", "date", "type", "viewer", "credits", "seconds", "price", "performer_benefit", "item", "payout"] as const;

/** The report's rows as CSV: the same rows, in the same order, as the table on the report page. */
export function reportCsv(report: PerformerReport): string {
  return toCsv(
    REPORT_CSV_HEADER,
    report.rows.map((r) => [
      r.id, r.date.toISOString(), EARNING_LABEL[r.kind], r.viewer, r.credits, r.seconds ?? "", r.price, r.benefit, r.item ?? "", r.payoutId ?? "",
    ]),
  );
}
