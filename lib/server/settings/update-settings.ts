import "server-only";
import { prisma } from "@/lib/db/prisma";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import type { TSettings } from "@/lib/validations/admin/settings";

export type UpdateSettingsOptions = { actorId: number; input: TSettings };

/** Writes the single settings row (id 1), creating it the first time: an upsert, so two saves never make two rows. */
export async function updateSettings({ actorId, input }: UpdateSettingsOptions): Promise<void> {
  const data = {
    creditValue: input.creditValue ?? null,
    currency: input.currency,
    paypalReceiverEmail: input.paypalReceiverEmail ?? null,
    chatProvider: input.chatProvider,
    webmasterId: input.webmasterId ?? null,
    customCss: input.customCss,
    spyEnabled: input.spyEnabled,
  };
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    await tx.setting.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  });
}
