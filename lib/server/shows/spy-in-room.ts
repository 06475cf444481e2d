import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { roomBilling } from "./room-billing";
import { startSpying } from "./start-spying";

/** The room's Spy button: spies on the performer's running private show, whichever it is. */
export async function spyInRoom({ userId, performerId, now }: { userId: number; performerId: number; now?: Date }): Promise<PrivateShow> {
  const active = await prisma.privateShow.findFirst({ where: { performerId, kind: "private", status: "active" }, select: { id: true } });
  if (!active) throw new AppError("invalid_transition", "No private show is running in this room.");
  return startSpying({ userId, showId: active.id, now, billing: await roomBilling() });
}
