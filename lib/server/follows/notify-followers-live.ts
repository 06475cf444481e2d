import "server-only";
import type { Tx } from "@/lib/db/prisma";

export const PERFORMER_LIVE_CHANNEL = "performer_live";

export type PerformerLiveEvent = { performerId: number };

/**
 * Announces that a performer went from offline to online, inside the status change's transaction:
 * PostgreSQL delivers it only on commit. Every instance hears it once and tells its own signed-in
 * followers (live-notice-feed.ts); one instance claims the "now live" e-mails (mail-followers-live.ts).
 */
export async function notifyFollowersLive(tx: Tx, event: PerformerLiveEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${PERFORMER_LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}
