export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Next's searchParams with repeated keys reduced to their first value. */
export async function flatParams(searchParams: SearchParams): Promise<Record<string, string | undefined>> {
  const params = await searchParams;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
