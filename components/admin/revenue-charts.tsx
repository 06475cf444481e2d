"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartBucket } from "@/lib/admin/period";
import type { RevenueBucket, TopPerformer } from "@/lib/server/reports/get-revenue-charts";

const AXIS = { stroke: "#94a3b8", fontSize: 12 } as const;
const TOOLTIP = { contentStyle: { background: "#0f172a", border: "1px solid #334155" }, labelStyle: { color: "#e2e8f0" } } as const;

// The amounts arrive as decimal strings computed on the server; they become numbers here only to be
// drawn (a bar's height), never to be added up or shown as money.
type RevenueChartsProps = { bucket: ChartBucket; buckets: RevenueBucket[]; top: TopPerformer[]; currency: string };

export function RevenueCharts({ bucket, buckets, top, currency }: RevenueChartsProps) {
  const bars = buckets.map((b) => ({
    label: bucket === "month" ? b.start.slice(0, 7) : b.start.slice(5),
    tips: Number(b.tip), menu: Number(b.menu_tip), shows: Number(b.private_show), spy: Number(b.spy_show), group: Number(b.group_show), tickets: Number(b.ticket),
  }));
  const performers = top.map((p) => ({ name: p.name, revenue: Number(p.revenue) }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="space-y-2" aria-labelledby="chart-days">
        <figcaption id="chart-days" className="text-sm font-medium">Revenue per {bucket} ({currency})</figcaption>
        <div className="h-64" data-testid="chart-revenue-per-day">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars}>
              <CartesianGrid stroke="#1e293b" vertical={false} />
              <XAxis dataKey="label" tick={AXIS} stroke={AXIS.stroke} />
              <YAxis tick={AXIS} stroke={AXIS.stroke} width={48} />
              <Tooltip {...TOOLTIP} />
              <Legend />
              <Bar dataKey="tips" name="Tips" stackId="r" fill="#ec4899" />
              <Bar dataKey="menu" name="Tip menu" stackId="r" fill="#f472b6" />
              <Bar dataKey="shows" name="Private shows" stackId="r" fill="#8b5cf6" />
              <Bar dataKey="spy" name="Spy shows" stackId="r" fill="#6366f1" />
              <Bar dataKey="group" name="Group shows" stackId="r" fill="#0ea5e9" />
              <Bar dataKey="tickets" name="Tickets" stackId="r" fill="#f59e0b" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="space-y-2" aria-labelledby="chart-top">
        <figcaption id="chart-top" className="text-sm font-medium">Top performers by revenue ({currency})</figcaption>
        <div className="h-64" data-testid="chart-top-performers">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={performers} layout="vertical" margin={{ left: 16 }}>
              <CartesianGrid stroke="#1e293b" horizontal={false} />
              <XAxis type="number" tick={AXIS} stroke={AXIS.stroke} />
              <YAxis type="category" dataKey="name" tick={AXIS} stroke={AXIS.stroke} width={96} />
              <Tooltip {...TOOLTIP} />
              <Bar dataKey="revenue" name="Revenue" fill="#ec4899" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
