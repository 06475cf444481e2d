import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isLookupText } from "@/lib/http/route-params";
import type { WallStatus } from "./list-performers";

export type Room = {
  id: number;
  /** The performer's own account: the one user who is this room's owner. */
  userId: number;
  slug: string;
  displayName: string;
  bio: string;
  photos: string[];
  status: WallStatus;
  ratePerMinute: number;
  /** The performer's minimum private-show length in seconds (0: none). */
  minimumSeconds: number;
};

export async function getRoom(slug: string): Promise<Room | null> {
  if (!isLookupText(slug)) return null;
  const row = await prisma.performer.findFirst({
    where: { slug, disabled: false },
    select: {
      id: true, userId: true, slug: true, displayName: true, bio: true, photos: true, status: true, ratePerMinute: true, minimumSeconds: true,
      shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  const { shows, ...room } = row;
  return { ...room, status: shows.length > 0 ? "busy" : row.status };
}
