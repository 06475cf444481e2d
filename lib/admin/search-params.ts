import { cleanParam } from "@/lib/http/route-params";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Next's searchParams with repeated keys reduced to their first value and control characters removed
 * (a NUL byte would make PostgreSQL fail the query: ?q=%00 is a search for "").
 */
export async function flatParams(searchParams: SearchParams): Promise<Record<string, string | undefined>> {
  const params = await searchParams;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      const first = Array.isArray(v) ? v[0] : v;
      return [k, first === undefined ? undefined : cleanParam(first)];
    }),
  );
}
