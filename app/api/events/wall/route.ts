// GET /api/events/wall – the wall's live performer statuses (Server-Sent Events)
import { apiMethods } from "@/lib/http/api-methods";
import { listPerformers } from "@/lib/server/performers/list-performers";
import { WALL_STATUS_CHANNEL, type WallStatusEvent } from "@/lib/server/performers/notify-wall-status";
import { WALL_GOAL_CHANNEL, type WallGoalEvent } from "@/lib/server/goals/notify-wall-goal";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { sseResponse } from "@/lib/server/realtime/sse";
import { WALL_VIEWERS_CHANNEL } from "@/lib/server/rooms/record-viewer-count";

export const dynamic = "force-dynamic";

// `snapshot` (the whole wall) on every connect, so a browser that reconnects after a drop starts from
// the truth, and again if this instance's listener connection had to reconnect; then one `status`
// per change, as NOTIFY delivers it (from whichever instance or transaction made the change).
export async function GET(request: Request): Promise<Response> {
  return sseResponse(request, async (sse) => {
    const hub = getRealtimeHub();
    const snapshot = () =>
      listPerformers()
        .then((performers) => sse.send("snapshot", { performers }))
        .catch((error: unknown) => {
          console.error("wall stream: snapshot failed", error);
          sse.close();
        });
    // Subscribed before the snapshot is read, so no change can fall between the two.
    const unsubscribe = await hub.subscribe(WALL_STATUS_CHANNEL, (message) => {
      const { performerId, status } = message as WallStatusEvent;
      sse.send("status", { performerId, status });
    });
    const unsubscribeViewers = await hub.subscribe(WALL_VIEWERS_CHANNEL, (message) => {
      const { performerId, count } = message as { performerId: number; count: number };
      sse.send("viewers", { performerId, count });
    });
    const unsubscribeGoals = await hub.subscribe(WALL_GOAL_CHANNEL, (message) => {
      const { performerId, goal } = message as WallGoalEvent;
      sse.send("goal", { performerId, goal });
    });
    const stopResync = hub.onResync(() => void snapshot());
    await snapshot();
    return () => {
      unsubscribe();
      unsubscribeViewers();
      unsubscribeGoals();
      stopResync();
    };
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
