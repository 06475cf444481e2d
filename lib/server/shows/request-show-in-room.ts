import "server-only";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { requestShow } from "./request-show";
import { roomBilling } from "./room-billing";

/** A viewer asks for a private show from the performer's room page, billed as roomBilling says. */
export async function requestShowInRoom({ userId, performerId }: { userId: number; performerId: number }): Promise<PrivateShow> {
  return requestShow({ userId, performerId, billing: await roomBilling() });
}
