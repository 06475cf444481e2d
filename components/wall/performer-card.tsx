import Image from "next/image";
import Link from "next/link";
import type { WallCard } from "@/lib/server/performers/list-wall";
import { GoalBar } from "@/components/room/goal-bar";
import { StatusBadge } from "./status-badge";

const RING = { online: "ring-green-500", busy: "ring-yellow-400", offline: "ring-red-500" } as const;

export function PerformerCard({ performer }: { performer: WallCard }) {
  const live = performer.status !== "offline";
  return (
    <li data-testid="performer-card" data-slug={performer.slug}>
      <Link href={`/performers/${performer.slug}`} className={`block overflow-hidden rounded-lg bg-slate-900 ring-2 ${RING[performer.status]} focus:outline-none focus-visible:ring-4`}>
        <div className="relative aspect-[3/4] bg-slate-800">
          {performer.image && (
            <Image
              src={performer.image} alt={`${performer.live ? "Live snapshot" : "Photo"} of ${performer.displayName}`} fill
              sizes="(max-width: 640px) 50vw, 25vw" className="object-cover" unoptimized={performer.live}
            />
          )}
          {live && (
            <span className="absolute left-2 top-2 rounded bg-slate-950/80 px-2 py-0.5 text-xs font-medium text-slate-100" data-testid="viewer-count">
              {/* An icon rather than an emoji: not every system has an emoji font. */}
              <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-1 inline h-3.5 w-3.5 align-[-2px]" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
                <circle cx="12" cy="12" r="3" />
              </svg>
              {performer.viewers} <span className="sr-only">watching</span>
            </span>
          )}
        </div>
        {/* The badge sits on its own line above the name, so a phone's half-width card never cuts the name short. */}
        <div className="space-y-1 p-2">
          <StatusBadge status={performer.status} />
          <span data-testid="performer-name" className="block font-medium break-words">{performer.displayName}</span>
          <p className="text-xs text-slate-400">{performer.ratePerMinute} credits / min</p>
          {performer.tags.length > 0 && <p className="truncate text-xs text-slate-400">{performer.tags.map((t) => `#${t}`).join(" ")}</p>}
          {performer.goal && <GoalBar goal={performer.goal} compact />}
        </div>
      </Link>
    </li>
  );
}
