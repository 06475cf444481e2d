import "server-only";
import { prisma } from "@/lib/db/prisma";

export type AdminPerformerRow = {
  id: number;
  displayName: string;
  slug: string;
  email: string;
  status: "online" | "offline" | "busy";
  disabled: boolean;
  ratePerMinute: number;
  benefitPercent: string;
  photo: string | null;
};

/** Every performer, disabled ones included, for the admin list. */
export async function listAdminPerformers(): Promise<AdminPerformerRow[]> {
  const rows = await prisma.performer.findMany({
    orderBy: [{ disabled: "asc" }, { displayName: "asc" }],
    select: {
      id: true, displayName: true, slug: true, status: true, disabled: true, ratePerMinute: true, benefitPercent: true, photos: true,
      user: { select: { email: true } },
      shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    slug: row.slug,
    email: row.user.email,
    status: row.shows.length > 0 ? "busy" : row.status,
    disabled: row.disabled,
    ratePerMinute: row.ratePerMinute,
    benefitPercent: row.benefitPercent.toFixed(2),
    photo: row.photos[0] ?? null,
  }));
}
