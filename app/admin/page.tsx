import type { Metadata } from "next";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getSiteOverview } from "@/lib/server/reports/site-overview";
import { getVideoStatus } from "@/lib/server/video/get-video-status";
import { VideoStatusPanel } from "@/components/admin/video-status";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePageUser(["admin"], "/admin");
  const [overview, video] = await Promise.all([getSiteOverview(), getVideoStatus()]);
  const tiles = [
    ["Viewers", overview.viewers],
    ["Performers", overview.performers],
    ["Online now", overview.online],
    ["Private shows now", overview.activeShows],
    ["Active credit packs", overview.packs],
    ["PayPal purchases", overview.purchases],
  ] as const;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Admin</h1>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-800 p-4">
            <dt className="text-sm text-slate-400">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <VideoStatusPanel status={video} />
    </div>
  );
}
