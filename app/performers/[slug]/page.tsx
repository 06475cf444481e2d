import { CustomCss } from "@/components/custom-css";
import Image from "next/image";
import { notFound } from "next/navigation";
import { FollowButton } from "@/components/follow/follow-button";
import { Html5ChatSlot } from "@/components/room/html5chat-slot";
import { LiveRoom } from "@/components/room/live-room";
import { loadEnv } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { isFollowing } from "@/lib/server/follows/is-following";
import { getChatLogin } from "@/lib/server/html5chat/get-chat-login";
import { getRoom } from "@/lib/server/performers/get-room";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";
import { getCustomCss } from "@/lib/server/settings/get-custom-css";

export const dynamic = "force-dynamic";

export default async function RoomPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [room, user, chat, css] = await Promise.all([getRoom(slug), getCurrentUser(), getChatConfig(), getCustomCss()]);
  if (!room) notFound();
  const env = loadEnv();
  const html5chat = chat.provider === "html5chat";
  const chatLogin = html5chat && user ? await getChatLogin({ userId: user.id, startRoom: room.slug }) : null;
  return (
    <article className="grid gap-6 md:grid-cols-[280px_1fr]">
      <CustomCss css={css} />
      <aside className="space-y-3">
        {room.photos[0] && (
          <div className="relative aspect-[3/4] overflow-hidden rounded-lg bg-slate-800">
            <Image src={room.photos[0]} alt={`Photo of ${room.displayName}`} fill sizes="280px" className="object-cover" priority />
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{room.displayName}</h1>
          {user?.role === "viewer" && (
            <FollowButton performerId={room.id} displayName={room.displayName} initial={await isFollowing({ userId: user.id, performerId: room.id })} />
          )}
        </div>
        <p className="text-sm text-slate-300">{room.bio}</p>
        <p className="text-sm text-slate-300">Private show: {room.ratePerMinute} credits per minute</p>
      </aside>
      <section aria-label="Live room">
        <LiveRoom
          room={{ performerId: room.id, slug: room.slug, displayName: room.displayName, ratePerMinute: room.ratePerMinute, status: room.status }}
          me={user && { id: user.id, username: user.username, role: user.role, credits: user.credits, flagged: user.flagged }}
          isOwner={user?.id === room.userId}
          provider={chat.provider}
          iceServers={env.ICE_SERVERS}
          chatSlot={html5chat ? <Html5ChatSlot login={chatLogin} /> : undefined}
        />
      </section>
    </article>
  );
}
