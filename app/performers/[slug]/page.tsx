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

// The live room comes first (video, chat, money controls); the profile follows it.
export default async function RoomPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [room, user, chat, css] = await Promise.all([getRoom(slug), getCurrentUser(), getChatConfig(), getCustomCss()]);
  if (!room) notFound();
  const env = loadEnv();
  const html5chat = chat.provider === "html5chat";
  const chatLogin = html5chat && user ? await getChatLogin({ userId: user.id, startRoom: room.slug }) : null;
  return (
    <article className="space-y-6">
      <CustomCss css={css} />
      <section aria-label="Live room">
        <LiveRoom
          room={{ performerId: room.id, slug: room.slug, displayName: room.displayName, ratePerMinute: room.ratePerMinute, status: room.status }}
          me={user && { id: user.id, username: user.username, role: user.role, flagged: user.flagged }}
          isOwner={user?.id === room.userId}
          provider={chat.provider}
          iceServers={env.ICE_SERVERS}
          chatSlot={html5chat ? <Html5ChatSlot login={chatLogin} /> : undefined}
        />
      </section>
      <section aria-labelledby="about-title" className="grid gap-4 sm:grid-cols-[160px_1fr]" data-testid="room-profile">
        {room.photos[0] && (
          <div className="relative aspect-[3/4] w-40 overflow-hidden rounded-lg bg-slate-800">
            <Image src={room.photos[0]} alt={`Photo of ${room.displayName}`} fill sizes="160px" className="object-cover" />
          </div>
        )}
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="about-title" className="text-lg font-semibold">About {room.displayName}</h2>
            {user?.role === "viewer" && (
              <FollowButton performerId={room.id} displayName={room.displayName} initial={await isFollowing({ userId: user.id, performerId: room.id })} />
            )}
          </div>
          <p className="text-sm text-slate-300">{room.bio}</p>
          <p className="text-sm text-slate-300">
            Private show: {room.ratePerMinute} credits per minute{room.minimumSeconds > 0 && `, at least ${room.minimumSeconds} seconds (charged when it starts)`}
          </p>
        </div>
      </section>
    </article>
  );
}
