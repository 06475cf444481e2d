import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export type AdminPerformer = {
  id: number;
  userId: number;
  email: string;
  username: string;
  displayName: string;
  slug: string;
  bio: string;
  photos: string[];
  status: "online" | "offline" | "busy";
  ratePerMinute: number;
  benefitPercent: string;
  disabled: boolean;
  blocked: boolean;
  openRequests: number;
  tags: string[];
};

/** One performer with everything the admin edit page shows. Unknown → not_found. */
export async function getAdminPerformer({ performerId }: { performerId: number }): Promise<AdminPerformer> {
  const row = await prisma.performer.findUnique({
    where: { id: performerId },
    include: {
      user: { select: { email: true, username: true, blocked: true } },
      shows: { where: { status: { in: ["active", "requested"] } }, select: { status: true } },
    },
  });
  if (!row) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  return {
    id: row.id,
    userId: row.userId,
    tags: row.tags,
    email: row.user.email,
    username: row.user.username,
    displayName: row.displayName,
    slug: row.slug,
    bio: row.bio,
    photos: row.photos,
    status: row.shows.some((s) => s.status === "active") ? "busy" : row.status,
    ratePerMinute: row.ratePerMinute,
    benefitPercent: row.benefitPercent.toFixed(2),
    disabled: row.disabled,
    blocked: row.user.blocked,
    openRequests: row.shows.filter((s) => s.status === "requested").length,
  };
}
