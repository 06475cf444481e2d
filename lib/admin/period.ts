import { AppError } from "@/lib/errors";

// Report periods are whole UTC days, inclusive at both ends: from 2026-11-01 to 2026-11-30 means
// [2026-11-01T00:00Z, 2026-12-01T00:00Z). The same rule on screen, in the CSV and in "mark paid".

const DAY_MS = 24 * 60 * 60 * 1000;

/** A report reads at most a year of rows: a longer period is refused, not computed for minutes. */
export const MAX_REPORT_DAYS = 366;
/** The site holds no money before 2000 and none after 2099: any day outside is a typo or an attack. */
export const EARLIEST_DAY = "2000-01-01";
export const LATEST_DAY = "2099-12-31";

export type Period = { start: Date; end: Date };

export function periodOf(from: string, to: string): Period {
  return { start: new Date(`${from}T00:00:00.000Z`), end: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) };
}

/** The number of whole days from..to, both included. */
export function periodDays(from: string, to: string): number {
  const { start, end } = periodOf(from, to);
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

/** Why a report period cannot be used (a message for the admin), or null when it can. */
export function reportPeriodProblem(from: string, to: string): string | null {
  if (from < EARLIEST_DAY || to > LATEST_DAY) return `Choose days between ${EARLIEST_DAY} and ${LATEST_DAY}.`;
  if (from > to) return "The start must not be after the end.";
  if (periodDays(from, to) > MAX_REPORT_DAYS) return `A report covers at most ${MAX_REPORT_DAYS} days; choose a shorter period.`;
  return null;
}

/** periodOf for reports and payouts: refuses (422) a period reportPeriodProblem names. */
export function reportPeriodOf(from: string, to: string): Period {
  const problem = reportPeriodProblem(from, to);
  if (problem) throw new AppError("invalid_request", problem, { from: problem });
  return periodOf(from, to);
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last 30 days, today included (UTC). */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  return { from: dayOf(new Date(now.getTime() - 29 * DAY_MS)), to: dayOf(now) };
}

export type ChartBucket = "day" | "week" | "month";

/** Chart bars per day up to two months, per week up to half a year, per month beyond: at most ~60 bars. */
export function chartBucketOf(from: string, to: string): ChartBucket {
  const days = periodDays(from, to);
  return days <= 62 ? "day" : days <= 186 ? "week" : "month";
}
