import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/wall/status-badge";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { getRoom } from "@/lib/server/performers/get-room";

export const dynamic = "force-dynamic";

export default async function RoomPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [room, user] = await Promise.all([getRoom(slug), getCurrentUser()]);
  if (!room) notFound();
  return (
    <article className="grid gap-6 md:grid-cols-[280px_1fr]">
      <aside className="space-y-3">
        {room.photos[0] && (
          <div className="relative aspect-[3/4] overflow-hidden rounded-lg bg-slate-800">
            <Image src={room.photos[0]} alt={`Photo of ${room.displayName}`} fill sizes="280px" className="object-cover" priority />
          </div>
        )}
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-bold">{room.displayName}</h1>
          <StatusBadge status={room.status} />
        </div>
        <p className="text-sm text-slate-300">{room.bio}</p>
        <p className="text-sm text-slate-400">Private show: {room.ratePerMinute} credits per minute</p>
      </aside>
      <section aria-label="Chat" className="space-y-3">
        <div id="chat-slot" data-testid="chat-slot" className="flex aspect-video items-center justify-center rounded-lg border border-slate-800 bg-slate-900 text-slate-400">
          {room.status === "offline" ? `${room.displayName} is offline.` : "The chat room opens here."}
        </div>
        {user ? (
          user.role === "viewer" && (
            <p className="text-sm">
              Your balance: <strong data-testid="room-balance">{user.credits}</strong> credits ·{" "}
              <Link className="text-pink-300 underline" href="/credits">Buy credits</Link>
            </p>
          )
        ) : (
          <p className="text-sm text-slate-300">
            <Link className="underline" href={`/login?callbackUrl=/performers/${room.slug}`}>Log in</Link> or{" "}
            <Link className="underline" href="/signup">sign up</Link> to tip and request a private show. Public chat is free.
          </p>
        )}
      </section>
    </article>
  );
}
