import { beforeAll, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/admin/csv";
import { prisma } from "@/lib/db/prisma";
import { getPerformerReport } from "@/lib/server/reports/get-performer-report";
import { getRevenueCharts } from "@/lib/server/reports/get-revenue-charts";
import { markPaid } from "@/lib/server/reports/mark-paid";
import { REPORT_CSV_HEADER, streamReportCsv } from "@/lib/server/reports/report-csv";
import { createTipRow } from "@/test/helpers/admin";
import { createAdmin, createPerformer, createViewer } from "@/test/helpers/factories";

let admins: { id: number }[];
beforeAll(async () => {
  admins = await Promise.all([createAdmin(), createAdmin()]);
});

const at = (day: string, time = "12:00:00") => new Date(`${day}T${time}.000Z`);

/** A performer with tips and shows on 2030-03-01..03 and one row outside (02-28), and the viewer. */
async function performerWithEarnings() {
  const [viewer, performer] = await Promise.all([createViewer(), createPerformer({ benefitPercent: "60" })]);
  const base = { userId: viewer.id, performerId: performer.id };
  await createTipRow({ ...base, date: at("2030-02-28", "23:59:59"), credits: 10, price: "0.167", benefit: "0.100" });
  await createTipRow({ ...base, date: at("2030-03-01", "00:00:00"), credits: 100, price: "1.667", benefit: "1.000" });
  await createTipRow({ ...base, date: at("2030-03-02"), credits: 60, price: "1.000", benefit: "0.600", show: { seconds: 95 } });
  await createTipRow({ ...base, date: at("2030-03-03", "23:59:59"), credits: 30, price: "0.500", benefit: "0.300", show: { seconds: 30 } });
  await createTipRow({ ...base, date: at("2030-03-04", "00:00:00"), credits: 5, price: "0.083", benefit: "0.050" });
  return { viewer, performer };
}

const period = { from: "2030-03-01", to: "2030-03-03" };

describe("getPerformerReport", () => {
  it("sums tips and shows of the whole UTC days, with show minutes from the seconds billed", async () => {
    const { performer } = await performerWithEarnings();
    const report = await getPerformerReport({ performerId: performer.id, ...period });
    expect(report.tips).toEqual({ count: 1, credits: 100, price: "1.667", benefit: "1.000" });
    expect(report.shows).toEqual({ count: 2, credits: 90, price: "1.500", benefit: "0.900", seconds: 125, minutes: "2.1" });
    expect(report.owed).toBe("1.900");
    expect(report.owedRows).toBe(3);
    expect(report.owedAllTime).toBe("2.050");
    expect(report.rows.map((r) => [r.action, r.credits, r.seconds])).toEqual([["tips", 100, null], ["liveshow", 60, 95], ["liveshow", 30, 30]]);
  });
});

describe("markPaid", () => {
  it("pays exactly the unpaid rows of the period, once; a second press changes nothing", async () => {
    const { performer } = await performerWithEarnings();
    const paid = await markPaid({ actorId: admins[0]!.id, performerId: performer.id, ...period, reference: "bank 1", expectedAmount: "1.900" });
    expect(paid).toMatchObject({ amount: "1.900", rows: 3 });
    const payout = await prisma.payout.findUniqueOrThrow({ where: { id: paid.payoutId } });
    expect(payout).toMatchObject({ performerId: performer.id, adminId: admins[0]!.id, reference: "bank 1", currency: "USD", periodStart: at("2030-03-01", "00:00:00"), periodEnd: at("2030-03-04", "00:00:00") });
    expect(payout.amount.toFixed(3)).toBe("1.900");
    const linked = await prisma.tip.aggregate({ where: { payoutId: paid.payoutId }, _sum: { performerBenefit: true }, _count: { _all: true } });
    expect([linked._count._all, linked._sum.performerBenefit?.toFixed(3)]).toEqual([3, "1.900"]);
    // The rows just outside the period stay unpaid.
    expect(await prisma.tip.count({ where: { performerId: performer.id, payoutId: null } })).toBe(2);

    await expect(markPaid({ actorId: admins[0]!.id, performerId: performer.id, ...period, expectedAmount: "1.900" })).rejects.toMatchObject({ code: "conflict" });
    await expect(markPaid({ actorId: admins[0]!.id, performerId: performer.id, ...period, expectedAmount: "0" })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.payout.count({ where: { performerId: performer.id } })).toBe(1);
    const report = await getPerformerReport({ performerId: performer.id, ...period });
    expect([report.owed, report.owedRows]).toEqual(["0.000", 0]);
    expect(report.payouts).toMatchObject([{ id: paid.payoutId, amount: "1.900", rows: 3 }]);
  });

  it("two admins pressing at once, several times each: exactly one payout, every row linked once", async () => {
    for (let round = 0; round < 3; round++) {
      const { performer } = await performerWithEarnings();
      const presses = Array.from({ length: 6 }, (_, i) =>
        markPaid({ actorId: admins[i % 2]!.id, performerId: performer.id, ...period, expectedAmount: "1.900" }),
      );
      const results = await Promise.allSettled(presses);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
      const payouts = await prisma.payout.findMany({ where: { performerId: performer.id }, include: { _count: { select: { tips: true } } } });
      expect(payouts).toHaveLength(1);
      expect(payouts[0]!._count.tips).toBe(3);
      expect(payouts[0]!.amount.toFixed(3)).toBe("1.900");
    }
  });

  it("refuses when the amount owed changed since the admin looked, creating nothing", async () => {
    const { performer, viewer } = await performerWithEarnings();
    await createTipRow({ userId: viewer.id, performerId: performer.id, date: at("2030-03-02"), credits: 1, price: "0.017", benefit: "0.010" });
    await expect(markPaid({ actorId: admins[0]!.id, performerId: performer.id, ...period, expectedAmount: "1.900" }))
      .rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("1.910") });
    expect(await prisma.payout.count({ where: { performerId: performer.id } })).toBe(0);
    expect(await prisma.tip.count({ where: { performerId: performer.id, payoutId: { not: null } } })).toBe(0);
  });

  it("refuses an unknown performer and an empty period", async () => {
    const performer = await createPerformer();
    await expect(markPaid({ actorId: admins[0]!.id, performerId: 999_999, ...period, expectedAmount: "0" })).rejects.toMatchObject({ code: "not_found" });
    await expect(markPaid({ actorId: admins[0]!.id, performerId: performer.id, ...period, expectedAmount: "0" })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.payout.count({ where: { performerId: performer.id } })).toBe(0);
  });
});

describe("report CSV", () => {
  it("has the report's rows, in order, and neutralises formulas and quotes", async () => {
    const { performer } = await performerWithEarnings();
    const evil = await prisma.user.create({ data: { email: "evil@test.local", username: "=HYPERLINK(\"x\",\"y\")", passwordHash: "x" } });
    await createTipRow({ userId: evil.id, performerId: performer.id, date: at("2030-03-03"), credits: 1, price: "0.017", benefit: "0.010" });
    const report = await getPerformerReport({ performerId: performer.id, ...period });
    const lines = (await new Response(await streamReportCsv({ performerId: performer.id, ...period })).text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(REPORT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(report.rows.length + 1);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(report.rows.map((r) => r.id));
    expect(lines.find((l) => l.includes("HYPERLINK"))).toContain(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it("escapes cells as RFC 4180 and prefixes = + - @ tab and CR", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).startsWith(start === "\r" ? "\"'" : "'")).toBe(true);
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [["1", "=2"]])).toBe("a,b\r\n1,'=2\r\n");
  });
});

describe("getRevenueCharts", () => {
  it("gives every day of the period and the top performers by revenue", async () => {
    const { performer } = await performerWithEarnings();
    const charts = await getRevenueCharts({ from: "2030-02-28", to: "2030-03-04" });
    expect(charts.bucket).toBe("day");
    expect(charts.buckets.map((d) => d.start)).toEqual(["2030-02-28", "2030-03-01", "2030-03-02", "2030-03-03", "2030-03-04"]);
    const mine = charts.top.find((t) => t.performerId === performer.id);
    expect(mine).toBeDefined();
    const day = charts.buckets.find((d) => d.start === "2030-03-02")!;
    expect(Number(day.shows)).toBeGreaterThanOrEqual(1);
    expect(charts.top.length).toBeLessThanOrEqual(10);
  });
});
