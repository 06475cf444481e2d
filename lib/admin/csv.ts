// CSV as spreadsheets read it (RFC 4180): cells with a comma, quote or line break are quoted, quotes
// doubled. A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage
// return) gets a leading apostrophe, so a viewer's username like "=HYPERLINK(…)" stays text.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? "" : String(value);
  // Numbers we write ourselves (negative amounts) are data, not formulas.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
