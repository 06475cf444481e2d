import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PrivateShow } from "@/lib/generated/prisma/client";

/**
 * Locks a show's row for the rest of the transaction and reads it, so that concurrent transitions
 * of the same show (two accepts, a heartbeat racing an end, two sweeps) run one after the other
 * and each sees the state the previous one committed. FOR NO KEY UPDATE rather than FOR UPDATE:
 * it excludes every other writer of the row just the same, but does not block the foreign-key
 * checks of rows that merely reference the show (its ppv_tips row), which avoids needless waits.
 * Lock order everywhere: performer → show → user, so transactions never wait on each other in a cycle.
 */
export async function lockShow(tx: Tx, showId: number): Promise<PrivateShow> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM private_shows WHERE id = ${showId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", `Show ${showId} does not exist.`);
  return tx.privateShow.findUniqueOrThrow({ where: { id: showId } });
}
