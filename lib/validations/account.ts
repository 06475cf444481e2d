import { z } from "zod";

/** `?page=` of the account history: anything that is not a page number means the first page. */
export const ZHistoryPage = z.coerce.number().int().min(1).max(100_000).catch(1);
