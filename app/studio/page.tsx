import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/wall/status-badge";
import { prisma } from "@/lib/db/prisma";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getRoom } from "@/lib/server/performers/get-room";
import { getPerformerEarnings } from "@/lib/server/reports/performer-earnings";

export const metadata: Metadata = { title: "Studio" };

export default async function StudioPage() {
  const user = await requirePageUser(["performer"], "/studio");
  const profile = await prisma.performer.findUnique({ where: { userId: user.id }, select: { slug: true, id: true } });
  if (!profile) notFound();
  const room = await getRoom(profile.slug);
  if (!room) notFound();
  const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  const earnings = await getPerformerEarnings(profile.id, monthStart);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Studio — {room.displayName}</h1>
        <StatusBadge status={room.status} />
        <Link className="text-sm underline" href={`/performers/${room.slug}`}>View my room</Link>
      </div>
      <section aria-labelledby="earnings-title" className="rounded-lg border border-slate-800 p-4">
        <h2 id="earnings-title" className="mb-2 text-lg font-semibold">This month</h2>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-400">Tips</dt><dd data-testid="earn-tips">{earnings.tips}</dd></div>
          <div><dt className="text-slate-400">Private shows</dt><dd>{earnings.shows}</dd></div>
          <div><dt className="text-slate-400">Credits</dt><dd>{earnings.credits}</dd></div>
          <div><dt className="text-slate-400">Unpaid earnings</dt><dd data-testid="earn-unpaid">{earnings.unpaidBenefit}</dd></div>
        </dl>
      </section>
    </div>
  );
}
