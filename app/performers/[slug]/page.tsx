import { CustomCss } from "@/components/custom-css";
import Image from "next/image";
import { notFound } from "next/navigation";
import { Html5ChatSlot } from "@/components/room/html5chat-slot";
import { LiveRoom } from "@/components/room/live-room";
import { loadEnv } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { getChatLogin } from "@/lib/server/html5chat/get-chat-login";
import { getRoom } from "@/lib/server/performers/get-room";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";
import { HEARTBEAT_INTERVAL_SECONDS } from "@/lib/server/shows/billing";

export const dynamic = "force-dynamic";

export default async function RoomPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [room, user, chat] = await Promise.all([getRoom(slug), getCurrentUser(), getChatConfig()]);
  if (!room) notFound();
  const env = loadEnv();
  const html5chat = chat.provider === "html5chat";
  const chatLogin = html5chat && user ? await getChatLogin({ userId: user.id, startRoom: room.slug }) : null;
  return (
    <article className="grid gap-6 md:grid-cols-[280px_1fr]">
      <CustomCss />
      <aside className="space-y-3">
        {room.photos[0] && (
          <div className="relative aspect-[3/4] overflow-hidden rounded-lg bg-slate-800">
            <Image src={room.photos[0]} alt={`Photo of ${room.displayName}`} fill sizes="280px" className="object-cover" priority />
          </div>
        )}
        <h1 className="text-2xl font-bold">{room.displayName}</h1>
        <p className="text-sm text-slate-300">{room.bio}</p>
        <p className="text-sm text-slate-300">
          Private show: {room.ratePerMinute} credits per minute{room.minimumSeconds > 0 && `, at least ${room.minimumSeconds} seconds (charged when it starts)`}
        </p>
      </aside>
      <section aria-label="Live room">
        <LiveRoom
          room={{ performerId: room.id, slug: room.slug, displayName: room.displayName, ratePerMinute: room.ratePerMinute, status: room.status }}
          me={user && { id: user.id, username: user.username, role: user.role, credits: user.credits }}
          isOwner={user?.id === room.userId}
          provider={chat.provider}
          iceServers={env.ICE_SERVERS}
          heartbeatMs={HEARTBEAT_INTERVAL_SECONDS * 1000}
          chatSlot={html5chat ? <Html5ChatSlot login={chatLogin} /> : undefined}
        />
      </section>
    </article>
  );
}
