import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { toApiShow, type ApiShow } from "@/lib/server/shows/serialize-show";

export type ApiGroupShow = {
  id: number; performerId: number; ratePerMinute: number; minViewers: number; status: "waiting" | "running" | "ended" | "cancelled";
  openedAt: string; startBy: string; startedAt: string | null; endedAt: string | null; seats: ApiShow[];
};

/** A group show with its seats, as the chat API shows it. */
export async function getGroupShow(groupShowId: number, db: Tx | typeof prisma = prisma): Promise<ApiGroupShow> {
  const group = await db.groupShow.findUnique({ where: { id: groupShowId }, include: { seats: { orderBy: { id: "asc" } } } });
  if (!group) throw new AppError("not_found", `Group show ${groupShowId} does not exist.`);
  return {
    id: group.id, performerId: group.performerId, ratePerMinute: group.ratePerMinute, minViewers: group.minViewers, status: group.status,
    openedAt: group.openedAt.toISOString(), startBy: group.startBy.toISOString(),
    startedAt: group.startedAt?.toISOString() ?? null, endedAt: group.endedAt?.toISOString() ?? null,
    seats: group.seats.map(toApiShow),
  };
}
