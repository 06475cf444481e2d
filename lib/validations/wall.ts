import { z } from "zod";
import { TAG_PATTERN } from "@/lib/performers/tags";

export const WALL_SORTS = ["online", "newest", "tipped"] as const;
export type TWallSort = (typeof WALL_SORTS)[number];

/**
 * The wall's query string. A link is shared and edited by hand, so nothing here refuses: a value that
 * makes no sense falls back to the default instead of an error page.
 */
export const ZWallQuery = z.object({
  q: z
    .string()
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 60))
    .catch(""),
  tag: z.string().toLowerCase().regex(TAG_PATTERN).optional().catch(undefined),
  sort: z.enum(WALL_SORTS).catch("online"),
  following: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TWallQuery = z.infer<typeof ZWallQuery>;

/** The first value of each parameter, as Next gives searchParams (a string, an array, or nothing). */
export function firstValues(search: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
