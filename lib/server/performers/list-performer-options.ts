import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The most performers a report's picker lists; a site with more reaches the rest from the top-performers table. */
export const PERFORMER_OPTIONS_LIMIT = 500;

/** Performers by name, for a picker: id and name only. */
export async function listPerformerOptions(): Promise<{ id: number; displayName: string }[]> {
  return prisma.performer.findMany({ orderBy: [{ displayName: "asc" }, { id: "asc" }], take: PERFORMER_OPTIONS_LIMIT, select: { id: true, displayName: true } });
}
