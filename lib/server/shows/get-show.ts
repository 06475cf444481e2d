import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { isStale } from "@/lib/shows/billing";
import { lockShow } from "./lock-show";
import { timeoutShows } from "./timeout-shows";

export type GetShowOptions = { showId: number; now?: Date };

/**
 * Reads a show, applying the timeout rule on the way: a reader never sees a show "active" whose
 * heartbeats stopped more than 45 s ago, even if the periodic sweep has not reached it yet.
 */
export async function getShow({ showId, now = new Date() }: GetShowOptions): Promise<PrivateShow> {
  const show = await prisma.privateShow.findUnique({ where: { id: showId } });
  if (!show) throw new AppError("not_found", `Show ${showId} does not exist.`);
  if (show.status !== "active" || !isStale(show, now)) return show;
  return prisma.$transaction(async (tx) => {
    // Re-checked under the lock: a heartbeat or the sweep may have got there first.
    const locked = await lockShow(tx, showId);
    if (locked.status !== "active" || !isStale(locked, now)) return locked;
    await timeoutShows(tx, [locked]);
    return tx.privateShow.findUniqueOrThrow({ where: { id: showId } });
  });
}
