import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";

export type ChatConfig = { provider: "builtin" | "html5chat"; webmasterId: number | undefined };

/**
 * Which chat the rooms and the studio embed. Once an admin has saved the settings, they decide;
 * before that, CHAT_PROVIDER and WEBMASTER_ID from the environment do.
 */
export async function getChatConfig(): Promise<ChatConfig> {
  const env = loadEnv();
  const row = await prisma.setting.findUnique({ where: { id: 1 }, select: { chatProvider: true, webmasterId: true } });
  if (!row) return { provider: env.CHAT_PROVIDER, webmasterId: env.WEBMASTER_ID };
  return { provider: row.chatProvider === "html5chat" ? "html5chat" : "builtin", webmasterId: row.webmasterId ?? undefined };
}
