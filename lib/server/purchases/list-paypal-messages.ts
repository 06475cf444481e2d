import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPaypalMessageFilter } from "@/lib/validations/admin/purchase";
import type { PaypalMessageView } from "./get-purchase";

export const MESSAGES_PAGE_SIZE = 25;

/** Every PayPal message received (IPNs and capture answers), refused ones included, newest first. */
export async function listPaypalMessages(filter: TPaypalMessageFilter): Promise<{ messages: PaypalMessageView[]; total: number; outcomes: string[] }> {
  const where: Prisma.PaypalMessageWhereInput = {
    outcome: filter.outcome,
    ...(filter.txn ? { OR: [{ txnId: filter.txn }, { raw: { contains: `parent_txn_id=${filter.txn}` } }] } : {}),
  };
  const [messages, total, outcomes] = await Promise.all([
    prisma.paypalMessage.findMany({ where, orderBy: { id: "desc" }, skip: (filter.page - 1) * MESSAGES_PAGE_SIZE, take: MESSAGES_PAGE_SIZE }),
    prisma.paypalMessage.count({ where }),
    prisma.paypalMessage.findMany({ distinct: ["outcome"], select: { outcome: true }, orderBy: { outcome: "asc" } }),
  ]);
  return { messages, total, outcomes: outcomes.map((o) => o.outcome) };
}
