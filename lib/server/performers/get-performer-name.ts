import "server-only";
import { prisma } from "@/lib/db/prisma";

/** A performer's display name by slug, or null (unknown slugs are ignored, not errors). */
export async function getPerformerName(slug: string): Promise<string | null> {
  if (slug.length > 80 || slug.includes("\u0000")) return null;
  const row = await prisma.performer.findUnique({ where: { slug }, select: { displayName: true } });
  return row?.displayName ?? null;
}
