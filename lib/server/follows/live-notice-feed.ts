import "server-only";
import { prisma } from "@/lib/db/prisma";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { PERFORMER_LIVE_CHANNEL, type PerformerLiveEvent } from "./notify-followers-live";

export type LiveNotice = { performerId: number; slug: string; displayName: string };
type Listener = (notice: LiveNotice) => void;

/**
 * This instance's signed-in users who want "now live" notices, by user id. One LISTEN for the
 * instance; per event one query asks which of the connected users follow that performer, so the cost
 * does not grow with a performer's total followers.
 */
class LiveNoticeFeed {
  private readonly listeners = new Map<number, Set<Listener>>();
  private started: Promise<void> | null = null;

  async follow(userId: number, listener: Listener): Promise<() => void> {
    this.started ??= getRealtimeHub()
      .subscribe(PERFORMER_LIVE_CHANNEL, (message) => void this.dispatch(message as PerformerLiveEvent))
      .then(() => undefined);
    await this.started;
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  private async dispatch({ performerId }: PerformerLiveEvent): Promise<void> {
    const connected = [...this.listeners.keys()];
    if (connected.length === 0) return;
    try {
      const [performer, rows] = await Promise.all([
        prisma.performer.findUnique({ where: { id: performerId }, select: { slug: true, displayName: true } }),
        prisma.follow.findMany({ where: { performerId, userId: { in: connected } }, select: { userId: true } }),
      ]);
      if (!performer) return;
      const notice = { performerId, slug: performer.slug, displayName: performer.displayName };
      for (const { userId } of rows) for (const listener of this.listeners.get(userId) ?? []) listener(notice);
    } catch (error) {
      console.error(`live notices for performer ${performerId} not sent`, error);
    }
  }
}

const globalForNotices = globalThis as unknown as { liveNoticeFeed?: LiveNoticeFeed };

export function getLiveNoticeFeed(): LiveNoticeFeed {
  return (globalForNotices.liveNoticeFeed ??= new LiveNoticeFeed());
}
