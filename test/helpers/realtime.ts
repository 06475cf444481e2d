import type { RoomEventMap } from "@/lib/realtime/room-events";
import type { FeedConnection } from "@/lib/server/rooms/room-feed";
import type { RoomUser } from "@/lib/server/rooms/get-room-member";

/** Polls until `check` holds (realtime delivery is asynchronous), failing with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what = "condition", timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Received = { [K in keyof RoomEventMap]: { event: K; data: RoomEventMap[K] } }[keyof RoomEventMap];

/** A room connection that records what it is sent, as an SSE stream would pass it on. */
export function recordingConnection(id: string, user: RoomUser, isOwner = false) {
  const events: Received[] = [];
  let closed = false;
  const connection: FeedConnection = {
    id,
    user,
    isOwner,
    send: (event, data) => {
      if (!closed) events.push({ event, data } as Received);
    },
    close: () => {
      closed = true;
    },
  };
  return {
    connection,
    events,
    get closed() {
      return closed;
    },
    all<K extends keyof RoomEventMap>(event: K): RoomEventMap[K][] {
      return events.filter((e) => e.event === event).map((e) => e.data as RoomEventMap[K]);
    },
    last<K extends keyof RoomEventMap>(event: K): RoomEventMap[K] | undefined {
      return this.all(event).at(-1);
    },
  };
}
