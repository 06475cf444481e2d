import "server-only";
import type { BalanceUpdate } from "@/lib/realtime/balance-events";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import type { RealtimeHub } from "@/lib/server/realtime/hub";
import { BALANCE_CHANNEL, type BalanceMessage } from "./balance-channel";

type Listener = (update: BalanceUpdate) => void;

/**
 * The balance changes of this instance's signed-in users: one subscription to the shared channel,
 * each entry handed to the streams of its user only (a map lookup per entry), so a change of a user
 * with no open page here costs nothing but that lookup.
 */
export class BalanceFeed {
  private readonly listeners = new Map<number, Set<Listener>>();
  private subscription: Promise<() => void> | null = null;

  constructor(private readonly hub: RealtimeHub) {}

  /** Starts passing `userId`'s balances to `listener`; resolves once the LISTEN is in place. */
  async follow(userId: number, listener: Listener): Promise<() => void> {
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    this.subscription ??= this.hub.subscribe(BALANCE_CHANNEL, (message) => this.dispatch(message as BalanceMessage));
    await this.subscription;
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  private dispatch(message: BalanceMessage): void {
    if (!Array.isArray(message?.b)) return;
    for (const [userId, credits, version] of message.b) {
      const set = this.listeners.get(userId);
      if (!set) continue;
      const update = { credits, version: Number(version) };
      for (const listener of [...set]) listener(update);
    }
  }
}

const globalForFeed = globalThis as unknown as { balanceFeed?: BalanceFeed };

/** The instance's one feed, shared by every route bundle (like the hub it rides on). */
export function getBalanceFeed(): BalanceFeed {
  return (globalForFeed.balanceFeed ??= new BalanceFeed(getRealtimeHub()));
}
