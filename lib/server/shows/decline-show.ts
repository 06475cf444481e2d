import "server-only";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { closeRequest } from "./close-request";

export type DeclineShowOptions = { showId: number; now?: Date };

/** POST /shows/{id}/decline: the performer turns a request down. */
export async function declineShow({ showId, now = new Date() }: DeclineShowOptions): Promise<PrivateShow> {
  return closeRequest({ showId, status: "declined", now });
}
