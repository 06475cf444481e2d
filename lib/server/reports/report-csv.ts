import "server-only";
import { csvCell, toCsv } from "@/lib/admin/csv";
import { reportPeriodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { EARNING_LABEL } from "@/lib/reports/earning-kind";
import { listReportRows, type ReportRow } from "./list-report-rows";

export const REPORT_CSV_HEADER = ["id", "date", "type", "viewer", "credits", "seconds", "price", "performer_benefit", "item", "payout"] as const;

/** Rows read per database round trip while streaming: memory stays flat however long the period. */
export const CSV_BATCH_ROWS = 1000;

function csvLine(r: ReportRow): string {
  return [r.id, r.date.toISOString(), EARNING_LABEL[r.kind], r.viewer, r.credits, r.seconds ?? "", r.price, r.benefit, r.item ?? "", r.payoutId ?? ""]
    .map(csvCell)
    .join(",");
}

/**
 * A performer's report rows for a period (at most MAX_REPORT_DAYS) as a CSV stream: the same rows, in
 * the same order, as the table on the report page, read in keyset batches only as the client reads.
 * The period and the performer are checked before the first byte, so a refusal is still a JSON error.
 */
export async function streamReportCsv({ performerId, from, to }: { performerId: number; from: string; to: string }): Promise<ReadableStream<Uint8Array>> {
  const period = reportPeriodOf(from, to);
  if (!(await prisma.performer.findUnique({ where: { id: performerId }, select: { id: true } }))) {
    throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  }
  const encoder = new TextEncoder();
  let after: { date: Date; id: string } | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(toCsv(REPORT_CSV_HEADER, [])));
        return;
      }
      const rows = await listReportRows({ performerId, ...period, limit: CSV_BATCH_ROWS, after });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((r) => `${csvLine(r)}\r\n`).join("")));
      if (rows.length < CSV_BATCH_ROWS) controller.close();
      else after = { date: rows.at(-1)!.date, id: rows.at(-1)!.id };
    },
  });
}
