// Values from a URL (path segments, search params) before they reach the database. PostgreSQL
// refuses text with a NUL byte and integers beyond int4 — both would be a 500 — so a value that no
// row can have is answered like any other unknown one (404, no match), never sent to a query.

const INT4_MAX = 2_147_483_647;

/** A row id from a URL: digits only ("1e3", "0x10", " 5 " are not ids), 1..int4 max; otherwise null. */
export function routeId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= INT4_MAX ? id : null;
}

/** The longest slug, name or search text a lookup needs; longer ones match nothing anyway. */
export const MAX_LOOKUP_LENGTH = 200;

/** Whether a text from a URL can be looked up at all: no control characters (NUL among them), not absurdly long. */
export function isLookupText(value: string): boolean {
  return value.length <= MAX_LOOKUP_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);
}

/** A search-param value with control characters (NUL among them) removed: "a\u0000b" searches "ab". */
export function cleanParam(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, "");
}
