import "server-only";
import { RealtimeHub } from "./hub";

const globalForHub = globalThis as unknown as { realtimeHub?: RealtimeHub };

/**
 * The instance's one listener connection. Cached on globalThis: Next.js bundles each route handler
 * separately, and every bundle must share the same connection and subscribers.
 */
export function getRealtimeHub(): RealtimeHub {
  if (!globalForHub.realtimeHub) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: the realtime hub needs the database.");
    globalForHub.realtimeHub = new RealtimeHub({ connectionString });
  }
  return globalForHub.realtimeHub;
}
