import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** Sets a performer's wall tags: the performer their own (studio), an admin anyone's. */
export async function setPerformerTags(options: { performerId: number; tags: string[]; actor: { id: number; role: string } }): Promise<void> {
  const { performerId, tags, actor } = options;
  const where = actor.role === "admin" ? { id: performerId } : { id: performerId, userId: actor.id };
  const { count } = await prisma.performer.updateMany({ where, data: { tags } });
  if (count === 0) throw new AppError(actor.role === "admin" ? "not_found" : "forbidden", "You cannot change this performer's tags.");
}
