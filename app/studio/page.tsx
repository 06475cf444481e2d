import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Html5ChatSlot } from "@/components/room/html5chat-slot";
import { TagsForm } from "@/components/performers/tags-form";
import { GoalForm } from "@/components/studio/goal-form";
import { PriceForm } from "@/components/studio/price-form";
import { TipMenuForm } from "@/components/studio/tip-menu-form";
import { StudioLive } from "@/components/studio/studio-live";
import { loadEnv } from "@/lib/env";
import { utcMinute } from "@/lib/format";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getChatLogin } from "@/lib/server/html5chat/get-chat-login";
import { getPerformerOfUser } from "@/lib/server/performers/get-performer-of-user";
import { getRoom } from "@/lib/server/performers/get-room";
import { listGoals } from "@/lib/server/goals/list-goals";
import { getPerformerPrices } from "@/lib/server/prices/get-performer-prices";
import { listTipMenu } from "@/lib/server/tip-menu/list-tip-menu";
import { getPerformerEarnings } from "@/lib/server/reports/performer-earnings";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";
import { listRecentTips } from "@/lib/server/reports/list-recent-tips";
import { endGoalAction, setOwnTagsAction, setPricesAction, setTipMenuAction, startGoalAction } from "./actions";

export const metadata: Metadata = { title: "Studio" };
export const dynamic = "force-dynamic";

export default async function StudioPage() {
  const user = await requirePageUser(["performer"], "/studio");
  const profile = await getPerformerOfUser(user.id).catch(() => notFound());
  const room = await getRoom(profile.slug);
  if (!room) notFound();
  const env = loadEnv();
  const chat = await getChatConfig();
  const html5chat = chat.provider === "html5chat";
  const now = new Date();
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [today, month, tips, chatLogin, pricing, menu, goals] = await Promise.all([
    getPerformerEarnings(profile.id, dayStart),
    getPerformerEarnings(profile.id, monthStart),
    listRecentTips(profile.id),
    html5chat ? getChatLogin({ userId: user.id, startRoom: room.slug }) : null,
    getPerformerPrices(profile.id),
    listTipMenu(profile.id),
    listGoals(profile.id),
  ]);
  const insights = (
    <>
      <section aria-labelledby="earnings-title" className="rounded-lg border border-slate-800 p-3" data-testid="studio-earnings">
        <h2 id="earnings-title" className="mb-2 text-lg font-semibold">Earnings</h2>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-300">
            <tr><th scope="col" className="py-1 pr-2">Period</th><th scope="col" className="pr-2 text-right">Tips</th><th scope="col" className="pr-2 text-right">Shows</th><th scope="col" className="pr-2 text-right">Credits</th><th scope="col" className="text-right">Earned</th></tr>
          </thead>
          <tbody className="tabular-nums">
            <tr className="border-t border-slate-800" data-testid="earn-today">
              <th scope="row" className="py-1 pr-2 font-normal">Today (UTC)</th>
              <td className="pr-2 text-right">{today.tips}</td><td className="pr-2 text-right" data-testid="earn-today-shows">{today.shows}</td>
              <td className="pr-2 text-right">{today.credits}</td><td className="text-right">{today.benefit}</td>
            </tr>
            <tr className="border-t border-slate-800" data-testid="earn-month">
              <th scope="row" className="py-1 pr-2 font-normal">This month</th>
              <td className="pr-2 text-right" data-testid="earn-tips">{month.tips}</td><td className="pr-2 text-right" data-testid="earn-shows">{month.shows}</td>
              <td className="pr-2 text-right" data-testid="earn-credits">{month.credits}</td><td className="text-right">{month.benefit}</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2 text-sm">Unpaid earnings (all time): <strong data-testid="earn-unpaid">{month.unpaidBenefit}</strong></p>
      </section>
      <section aria-labelledby="tips-title" className="rounded-lg border border-slate-800 p-3">
        <h2 id="tips-title" className="mb-2 text-lg font-semibold">Recent tips</h2>
        {tips.length === 0 ? (
          <p className="text-sm text-slate-300">No tips yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="recent-tips">
            {tips.map((tip) => (
              <li key={tip.id} data-testid="recent-tip">
                {utcMinute(tip.date)} UTC · <strong>{tip.username}</strong> tipped {tip.credits} credits{tip.item && ` for ${tip.item}`} (you earn {tip.performerBenefit})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="tags-title" className="rounded-lg border border-slate-800 p-3">
        <h2 id="tags-title" className="mb-2 text-lg font-semibold">Wall tags</h2>
        <TagsForm action={setOwnTagsAction} tags={profile.tags} />
      </section>
    </>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h1 className="text-xl font-bold">Studio — {room.displayName}</h1>
        <Link className="text-sm text-pink-300 underline" href={`/performers/${room.slug}`}>View my room</Link>
      </div>
      <StudioLive
        room={{ slug: room.slug, displayName: room.displayName, status: room.status }}
        provider={chat.provider}
        iceServers={env.ICE_SERVERS}
        chatSlot={html5chat ? <Html5ChatSlot login={chatLogin} /> : undefined}
        insights={insights}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <PriceForm prices={pricing.prices} bounds={pricing.bounds} action={setPricesAction} />
        <TipMenuForm items={menu} action={setTipMenuAction} />
        <GoalForm goals={goals} startAction={startGoalAction} endAction={endGoalAction} />
      </div>
    </div>
  );
}
