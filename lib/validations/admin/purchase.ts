import { z } from "zod";
import { emptyToUndefined, zDay, zPage } from "./fields";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const ZPurchaseFilter = z.object({
  status: optional(z.enum(["pending", "completed", "refunded", "reversed"])),
  source: optional(z.enum(["ipn", "orders"])),
  user: optional(z.string().trim().max(255)),
  from: optional(zDay),
  to: optional(zDay),
  page: zPage,
});
export type TPurchaseFilter = z.infer<typeof ZPurchaseFilter>;

export const ZPaypalMessageFilter = z.object({
  outcome: optional(z.string().trim().max(32)),
  txn: optional(z.string().trim().max(64)),
  page: zPage,
});
export type TPaypalMessageFilter = z.infer<typeof ZPaypalMessageFilter>;
