import "server-only";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { roomBilling } from "@/lib/server/shows/room-billing";
import { joinGroupShow } from "./join-group-show";

/** A viewer takes a seat from the performer's room page, billed as roomBilling says once it starts. */
export async function joinGroupShowInRoom({ userId, groupShowId }: { userId: number; groupShowId: number }): Promise<PrivateShow> {
  return joinGroupShow({ userId, groupShowId, billing: await roomBilling() });
}
