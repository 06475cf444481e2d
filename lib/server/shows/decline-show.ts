import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { closeRequest } from "./close-request";

export type DeclineShowOptions = { showId: number; now?: Date; /** The caller's transaction, if any. */ db?: Tx };

/** POST /shows/{id}/decline: the performer turns a request down. */
export async function declineShow({ showId, now = new Date(), db }: DeclineShowOptions): Promise<PrivateShow> {
  return closeRequest({ showId, status: "declined", now, db });
}
