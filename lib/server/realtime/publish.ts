import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { prisma } from "@/lib/db/prisma";
import { encodeNotification } from "./payload";

/**
 * NOTIFY `channel` with a JSON message, split into parts when it is too long for one notification.
 * Given a transaction, PostgreSQL delivers it only if and when that transaction commits.
 */
export async function publish(channel: string, message: unknown, db: Tx | typeof prisma = prisma): Promise<void> {
  const parts = notifications(channel, message).map(([, part]) => part);
  // $executeRaw: pg_notify returns void, which a result-reading query could not deserialise.
  await db.$executeRaw`SELECT pg_notify(${channel}, part) FROM unnest(${parts}::text[]) AS part`;
}

/** The [channel, payload] pairs that publish sends, for a caller that sends them itself (the SQL function send_notifications). */
export function notifications(channel: string, message: unknown): [string, string][] {
  return encodeNotification(JSON.stringify(message)).map((part) => [channel, part]);
}
