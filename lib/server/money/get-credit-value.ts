import "server-only";
import type { prisma, Tx } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { creditValueFromPack } from "./compute-price";

/**
 * Currency per credit (API.md "Money"): the admin setting when set, else derived from the first
 * credit pack — the lowest-id active one, or the lowest-id one if none is active — and 0 when the
 * site has no pack yet (then tips and shows are recorded at price 0 rather than refused).
 */
export async function getCreditValue(db: Tx | typeof prisma): Promise<Prisma.Decimal> {
  const setting = await db.setting.findUnique({ where: { id: 1 }, select: { creditValue: true } });
  if (setting?.creditValue != null) return setting.creditValue;
  const pack = await db.creditPack.findFirst({
    // Booleans sort false < true, so `desc` puts active packs first.
    orderBy: [{ active: "desc" }, { id: "asc" }],
    select: { seconds: true, price: true },
  });
  return creditValueOf({ setting: null, pack });
}

/**
 * The same rule for callers that read the inputs inside a query of their own (sendTip reads them
 * with the user and the performer, in one statement — see CREDIT_VALUE_INPUTS_SQL).
 */
export function creditValueOf(inputs: {
  setting: Prisma.Decimal | string | null;
  pack: { seconds: number; price: Prisma.Decimal | string } | null;
}): Prisma.Decimal {
  if (inputs.setting != null) return new Prisma.Decimal(inputs.setting);
  return inputs.pack ? creditValueFromPack(inputs.pack) : new Prisma.Decimal(0);
}
