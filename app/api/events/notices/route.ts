// GET /api/events/notices – "now live" notices for the signed-in viewer's followed performers (SSE)
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { requireUser } from "@/lib/server/auth/current-user";
import { getLiveNoticeFeed } from "@/lib/server/follows/live-notice-feed";
import { sseResponse } from "@/lib/server/realtime/sse";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  let userId: number;
  try {
    userId = (await requireUser(["viewer"])).id;
  } catch (error) {
    return handleJson(() => Promise.reject(error));
  }
  return sseResponse(request, async (sse) => getLiveNoticeFeed().follow(userId, (notice) => sse.send("live", notice)));
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
