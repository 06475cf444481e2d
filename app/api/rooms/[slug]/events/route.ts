// GET /api/rooms/[slug]/events – one room's live events for the signed-in user (Server-Sent Events)
import { apiMethods } from "@/lib/http/api-methods";
import { jsonResponse } from "@/lib/http/json-response";
import { errorResult } from "@/lib/http/error-response";
import { requireUser } from "@/lib/server/auth/current-user";
import { issueConnectionId } from "@/lib/server/rooms/connection-id";
import { getRoomMember } from "@/lib/server/rooms/get-room-member";
import { joinRoomFeed } from "@/lib/server/rooms/room-feed";
import { sseResponse } from "@/lib/server/realtime/sse";

export const dynamic = "force-dynamic";

// `welcome` (this connection's signed id), `state` (on connect and on every change), `viewers`,
// `chat`, `tip`, `signal` (WebRTC, addressed to this connection or role), `billing` (the show's
// parties), and `kicked` when someone else's private show starts. Refusals are plain JSON errors,
// which make EventSource stop rather than retry.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  let member;
  try {
    const user = await requireUser(["viewer", "performer", "admin"]);
    member = await getRoomMember({ user, slug: (await params).slug });
  } catch (error) {
    return jsonResponse(errorResult(error));
  }
  const { user, isOwner, room } = member;
  return sseResponse(request, async (sse) => {
    const id = issueConnectionId(user.id);
    sse.send("welcome", { connId: id, userId: user.id });
    return joinRoomFeed(room.performerId, { id, user, isOwner, send: sse.send, close: sse.close });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
