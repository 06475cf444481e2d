import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { GroupShow } from "@/lib/generated/prisma/client";

/**
 * Locks a group show's row and reads it. Lock order: performer → group show → its seats (id order)
 * → each seat's viewer, so a join, the start, the end and the deadline sweep run one after another.
 * `share`: joins lock it FOR SHARE (many at once), the transitions FOR NO KEY UPDATE.
 */
export async function lockGroupShow(tx: Tx, groupShowId: number, mode: "share" | "update"): Promise<GroupShow> {
  const locked =
    mode === "share"
      ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM group_shows WHERE id = ${groupShowId} FOR SHARE`
      : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM group_shows WHERE id = ${groupShowId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", `Group show ${groupShowId} does not exist.`);
  return tx.groupShow.findUniqueOrThrow({ where: { id: groupShowId } });
}
