import Image from "next/image";
import Link from "next/link";
import type { WallPerformer } from "@/lib/server/performers/list-performers";
import { GoalBar } from "@/components/room/goal-bar";
import { StatusBadge } from "./status-badge";

const RING = { online: "ring-green-500", busy: "ring-yellow-400", offline: "ring-red-500" } as const;

export function PerformerCard({ performer }: { performer: WallPerformer }) {
  return (
    <li data-testid="performer-card" data-slug={performer.slug}>
      <Link href={`/performers/${performer.slug}`} className={`block overflow-hidden rounded-lg bg-slate-900 ring-2 ${RING[performer.status]} focus:outline-none focus-visible:ring-4`}>
        <div className="relative aspect-[3/4] bg-slate-800">
          {performer.image && (
            <Image src={performer.image} alt={`Photo of ${performer.displayName}`} fill sizes="(max-width: 640px) 50vw, 25vw" className="object-cover" />
          )}
        </div>
        <div className="flex items-center justify-between gap-2 p-2">
          <span className="truncate font-medium">{performer.displayName}</span>
          <StatusBadge status={performer.status} />
        </div>
        <p className="px-2 pb-2 text-xs text-slate-400">{performer.ratePerMinute} credits / min</p>
        {performer.goal && <div className="px-2 pb-2"><GoalBar goal={performer.goal} compact /></div>}
      </Link>
    </li>
  );
}
