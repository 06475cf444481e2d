import { describe, expect, it, vi } from "vitest";

// Item 5 of issue 9: one admin click (GET /admin/reports?from=0001-01-01&to=9999-12-31) took 112 s and
// 234 MB. Every report refuses a period longer than a year or outside 2000–2099 before it reads a
// row; the charts are bucketed in SQL; the rows are paged on screen and streamed in the CSV.

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: vi.fn(async () => (session.userId === null ? null : { user: { id: session.userId, sessionVersion: 0 } })),
}));

const { prisma } = await import("@/lib/db/prisma");
const { getRevenueCharts } = await import("@/lib/server/reports/get-revenue-charts");
const { getPerformerReport, REPORT_ROWS_PAGE_SIZE } = await import("@/lib/server/reports/get-performer-report");
const { markPaid } = await import("@/lib/server/reports/mark-paid");
const { CSV_BATCH_ROWS, REPORT_CSV_HEADER, streamReportCsv } = await import("@/lib/server/reports/report-csv");
const csvRoute = await import("@/app/admin/reports/csv/route");
const { createTipRow } = await import("@/test/helpers/admin");
const { createAdmin, createPerformer, createViewer } = await import("@/test/helpers/factories");

const HUGE = { from: "0001-01-01", to: "9999-12-31" };
const at = (day: string, time = "12:00:00") => new Date(`${day}T${time}.000Z`);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("a report period", () => {
  it("from year 1 to 9999 is refused at once by every report, with a message", { timeout: 5_000 }, async () => {
    const [admin, performer] = await Promise.all([createAdmin(), createPerformer()]);
    const started = Date.now();
    const refused = { code: "invalid_request", message: expect.stringMatching(/between 2000-01-01 and 2099-12-31/) };
    await expect(getRevenueCharts(HUGE)).rejects.toMatchObject(refused);
    await expect(getPerformerReport({ performerId: performer.id, ...HUGE })).rejects.toMatchObject(refused);
    await expect(streamReportCsv({ performerId: performer.id, ...HUGE })).rejects.toMatchObject(refused);
    await expect(markPaid({ actorId: admin.id, performerId: performer.id, ...HUGE, expectedAmount: "0" })).rejects.toMatchObject(refused);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("longer than 366 days is refused; exactly 366 days is answered in month buckets", async () => {
    await expect(getRevenueCharts({ from: "2030-01-01", to: "2031-01-02" })).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/at most 366 days/) });
    const year = await getRevenueCharts({ from: "2032-01-01", to: "2032-12-31" });
    expect(year.bucket).toBe("month");
    expect(year.buckets.map((b) => b.start)).toEqual(Array.from({ length: 12 }, (_, i) => `2032-${String(i + 1).padStart(2, "0")}-01`));
  });

  it("is refused by the CSV route as a 422 JSON error, not computed", async () => {
    const [admin, performer] = await Promise.all([createAdmin(), createPerformer()]);
    session.userId = admin.id;
    const response = await csvRoute.GET(new Request(`http://localhost/admin/reports/csv?performerId=${performer.id}&from=${HUGE.from}&to=${HUGE.to}`));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
  });
});

describe("the revenue chart query", () => {
  it("returns day, week or month buckets summed in SQL, every bucket present", async () => {
    const [viewer, performer] = await Promise.all([createViewer(), createPerformer()]);
    const base = { userId: viewer.id, performerId: performer.id };
    await createTipRow({ ...base, date: at("2040-01-06", "23:59:59"), credits: 10, price: "0.100", benefit: "0.050" });
    await createTipRow({ ...base, date: at("2040-01-07", "00:00:00"), credits: 10, price: "0.200", benefit: "0.100" });
    await createTipRow({ ...base, date: at("2040-01-08"), credits: 60, price: "1.000", benefit: "0.500", show: { seconds: 60 } });
    await createTipRow({ ...base, date: at("2040-03-15"), credits: 30, price: "0.333", benefit: "0.100" });

    const days = await getRevenueCharts({ from: "2040-01-05", to: "2040-01-08" });
    expect(days.bucket).toBe("day");
    // Each bucket also splits by kind: here plain tips and private shows.
    expect(days.buckets[3]).toMatchObject({ tip: "0.000", private_show: "1.000", ticket: "0.000" });
    expect(days.buckets.map(({ start, tips, shows }) => ({ start, tips, shows }))).toEqual([
      { start: "2040-01-05", tips: "0.000", shows: "0.000" },
      { start: "2040-01-06", tips: "0.100", shows: "0.000" },
      { start: "2040-01-07", tips: "0.200", shows: "0.000" },
      { start: "2040-01-08", tips: "0.000", shows: "1.000" },
    ]);

    // 2040-01-02 and 2040-01-09 are Mondays: weeks start on Monday (ISO), in UTC.
    const weeks = await getRevenueCharts({ from: "2040-01-01", to: "2040-03-31" });
    expect(weeks.bucket).toBe("week");
    expect(weeks.buckets[0]).toMatchObject({ start: "2039-12-26", tips: "0.000", shows: "0.000" });
    expect(weeks.buckets[1]).toMatchObject({ start: "2040-01-02", tips: "0.300", shows: "1.000" });
    expect(weeks.buckets.find((b) => b.start === "2040-03-12")).toMatchObject({ start: "2040-03-12", tips: "0.333", shows: "0.000" });
    expect(weeks.buckets.at(-1)!.start).toBe("2040-03-26");
    expect(weeks.buckets).toHaveLength(14);

    const months = await getRevenueCharts({ from: "2040-01-01", to: "2040-12-31" });
    expect(months.bucket).toBe("month");
    expect(months.buckets).toHaveLength(12);
    expect(months.buckets[0]).toMatchObject({ start: "2040-01-01", tips: "0.300", shows: "1.000" });
    expect(months.buckets[2]).toMatchObject({ start: "2040-03-01", tips: "0.333", shows: "0.000" });
    expect(months.top.find((t) => t.performerId === performer.id)).toMatchObject({ revenue: "1.633", rows: 4 });
  });
});

describe("a busy performer's report", () => {
  it("pages the rows on screen and streams every row in the CSV, in the same order", async () => {
    const [viewer, performer] = await Promise.all([createViewer(), createPerformer()]);
    const count = CSV_BATCH_ROWS * 2 + 37;
    const first = at("2045-06-01", "00:00:00").getTime();
    // Pairs of rows share a timestamp, so the order (date, then id) and the keyset are both exercised.
    await prisma.tip.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        userId: viewer.id, performerId: performer.id, date: new Date(first + Math.floor(i / 2) * 60_000), credits: 1, price: "0.017", performerBenefit: "0.010",
      })),
    });
    const period = { from: "2045-06-01", to: "2045-06-30" };
    const report = await getPerformerReport({ performerId: performer.id, ...period });
    expect(report.rows).toHaveLength(REPORT_ROWS_PAGE_SIZE);
    expect(report.rowCount).toBe(count);
    expect(report.tips).toEqual({ count, credits: count, price: (0.017 * count).toFixed(3), benefit: (0.01 * count).toFixed(3) });
    expect(report.owedRows).toBe(count);
    const last = await getPerformerReport({ performerId: performer.id, ...period, page: Math.ceil(count / REPORT_ROWS_PAGE_SIZE) });
    expect(last.rows).toHaveLength(count % REPORT_ROWS_PAGE_SIZE);

    const lines = (await readAll(await streamReportCsv({ performerId: performer.id, ...period }))).trimEnd().split("\r\n");
    expect(lines[0]).toBe(REPORT_CSV_HEADER.join(","));
    const ids = lines.slice(1).map((l) => BigInt(l.split(",")[0]!));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(ids.slice(0, REPORT_ROWS_PAGE_SIZE).map(String)).toEqual(report.rows.map((r) => r.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
  });
});
