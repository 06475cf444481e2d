import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { closeRequest } from "./close-request";

export type CancelShowOptions = { showId: number; now?: Date; /** The caller's transaction, if any. */ db?: Tx };

/** POST /shows/{id}/cancel: the viewer withdraws a request. */
export async function cancelShow({ showId, now = new Date(), db }: CancelShowOptions): Promise<PrivateShow> {
  return closeRequest({ showId, status: "cancelled", now, db });
}
