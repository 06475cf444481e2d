// Small display helpers shared by server and client components.

/** 75 → "1:15"; 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** 125 → "2 min 5 s"; 40 → "40 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

/** "2026-11-22 10:05" in UTC, the same on server and client (no hydration mismatch). */
export function utcMinute(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 16).replace("T", " ");
}
