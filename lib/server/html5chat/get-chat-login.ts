import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";
import { buildChatLogin, type ChatLogin } from "./build-chat-login";

/**
 * The html5-chat login of a signed-in user for a room (CHAT_PROVIDER=html5chat), from their
 * profile: a performer logs in with the chat's performer role, their photo and their room as profile.
 */
export async function getChatLogin({ userId, startRoom }: { userId: number; startRoom: string }): Promise<ChatLogin> {
  const env = loadEnv();
  const { webmasterId } = await getChatConfig();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, username: true, role: true, gender: true, avatar: true, performer: { select: { slug: true, photos: true } } },
  });
  return buildChatLogin({
    baseUrl: env.HTML5CHAT_JWT_URL,
    webmasterId,
    password: env.HTML5CHAT_PASSWORD,
    appUrl: env.APP_URL,
    startRoom,
    user: {
      id: user.id,
      username: user.username,
      gender: user.gender,
      role: user.role,
      image: user.avatar ?? user.performer?.photos[0] ?? null,
      profile: user.performer ? `/performers/${user.performer.slug}` : "/",
    },
  });
}
