import { errorResult } from "@/lib/http/error-response";
import { routeId } from "@/lib/http/route-params";
import { requireUser } from "@/lib/server/auth/current-user";
import { streamReportCsv } from "@/lib/server/reports/report-csv";
import { ZReportQuery } from "@/lib/validations/admin/report";

// GET /admin/reports/csv?performerId=&from=&to= – the performer report's rows as CSV (admin only),
// streamed; a period longer than a report allows is a 422 JSON error.
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(["admin"]);
    const query = ZReportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.performerId) return Response.json({ error: { code: "invalid_request", message: "performerId: choose a performer" } }, { status: 422 });
    const performerId = routeId(String(query.performerId));
    if (performerId === null) return Response.json({ error: { code: "not_found", message: `Performer ${query.performerId} does not exist.` } }, { status: 404 });
    const body = await streamReportCsv({ performerId, from: query.from, to: query.to });
    const name = `report-${query.performerId}-${query.from}-${query.to}.csv`;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const { status, body } = errorResult(error);
    return Response.json(body, { status });
  }
}
