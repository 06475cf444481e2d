import "server-only";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { closeRequest } from "./close-request";

export type CancelShowOptions = { showId: number; now?: Date };

/** POST /shows/{id}/cancel: the viewer withdraws a request. */
export async function cancelShow({ showId, now = new Date() }: CancelShowOptions): Promise<PrivateShow> {
  return closeRequest({ showId, status: "cancelled", now });
}
