import "server-only";
import { prisma } from "@/lib/db/prisma";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import type { ApiPerformer } from "./get-performer";
import { setPerformerStatus } from "./set-performer-status";

export type ForcePerformerOfflineOptions = { actorId: number; performerId: number; now?: Date };

/** The admin's "force offline": the same transition as the performer leaving (show billed and ended, requests declined). */
export async function forcePerformerOffline({ actorId, performerId, now }: ForcePerformerOfflineOptions): Promise<ApiPerformer> {
  await assertAdmin({ db: prisma, actorId });
  return setPerformerStatus({ performerId, status: "offline", now });
}
