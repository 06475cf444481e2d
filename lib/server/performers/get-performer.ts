import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { WallPerformer } from "./list-performers";

/** A performer as the chat API shows it (API.md "Performers"). */
export type ApiPerformer = Omit<WallPerformer, "slug" | "goal">;

/** One performer's wall card, busy derived from an active show like listPerformers does. Unknown → not_found. */
export async function getWallPerformer(performerId: number, db: Tx | typeof prisma = prisma): Promise<ApiPerformer> {
  const row = await db.performer.findUnique({
    where: { id: performerId },
    select: {
      id: true, displayName: true, photos: true, status: true, ratePerMinute: true,
      user: { select: { username: true } },
      shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 },
    },
  });
  if (!row) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  return {
    id: row.id,
    username: row.user.username,
    displayName: row.displayName,
    image: row.photos[0] ?? null,
    status: row.shows.length > 0 ? "busy" : row.status,
    ratePerMinute: row.ratePerMinute,
  };
}
