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

export const PERFORMERS_PAGE_SIZE = 50;

/** One page of performers, disabled ones included (last), for the admin list. */
export async function listAdminPerformers({ page = 1 }: { page?: number } = {}): Promise<{ performers: AdminPerformerRow[]; total: number }> {
  const [rows, total] = await Promise.all([prisma.performer.findMany({
    orderBy: [{ disabled: "asc" }, { displayName: "asc" }, { id: "asc" }],
    skip: (Math.max(1, page) - 1) * PERFORMERS_PAGE_SIZE,
    take: PERFORMERS_PAGE_SIZE,
    select: {
      id: true, displayName: true, slug: true, status: true, disabled: true, ratePerMinute: true, benefitPercent: true, photos: true,
      user: { select: { email: true } },
      shows: { where: { status: "active", kind: "private" }, select: { id: true }, take: 1 },
    },
  }), prisma.performer.count()]);
  const performers = rows.map((row): AdminPerformerRow => ({
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
  return { performers, total };
}
