// Report periods are whole UTC days, inclusive at both ends: from 2026-11-01 to 2026-11-30 means
// [2026-11-01T00:00Z, 2026-12-01T00:00Z). The same rule on screen, in the CSV and in "mark paid".

const DAY_MS = 24 * 60 * 60 * 1000;

export type Period = { start: Date; end: Date };

export function periodOf(from: string, to: string): Period {
  return { start: new Date(`${from}T00:00:00.000Z`), end: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) };
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last 30 days, today included (UTC). */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  return { from: dayOf(new Date(now.getTime() - 29 * DAY_MS)), to: dayOf(now) };
}
