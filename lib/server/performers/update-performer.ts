import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import type { TPerformerProfile } from "@/lib/validations/admin/performer";
import { performerConflict } from "./performer-conflict";

export type UpdatePerformerOptions = { actorId: number; performerId: number; input: TPerformerProfile };

/**
 * Edits a performer's profile. A new rate applies to shows requested from now on: every show keeps
 * the rate it was requested at (private_shows.rate_per_minute), so a running meter never changes.
 */
export async function updatePerformer({ actorId, performerId, input }: UpdatePerformerOptions): Promise<void> {
  try {
    await prisma.$transaction(async (tx) => {
      await assertAdmin({ db: tx, actorId });
      const { count } = await tx.performer.updateMany({
        where: { id: performerId },
        data: { displayName: input.displayName, slug: input.slug, bio: input.bio, ratePerMinute: input.ratePerMinute, benefitPercent: input.benefitPercent },
      });
      if (count === 0) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw performerConflict(error);
    throw error;
  }
}
