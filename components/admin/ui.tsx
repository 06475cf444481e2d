import Link from "next/link";
import type { ReactNode } from "react";

// Small presentational pieces shared by the admin pages (server components, no state).

export const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-400";
export const TD = "px-3 py-2 align-top";
export const LINK = "text-pink-300 underline-offset-4 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-pink-400";
export const BUTTON_LINK =
  "inline-block rounded bg-pink-600 px-4 py-2 text-sm font-medium text-white hover:bg-pink-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-pink-400";

export function PageTitle({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-bold">{children}</h1>
      {action}
    </div>
  );
}

export function Card({ title, children, id }: { title?: string; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-800 bg-slate-900/40 p-4">
      {title && <h2 id={headingId} className="text-lg font-semibold">{title}</h2>}
      {children}
    </section>
  );
}

/** A table that scrolls sideways on a phone instead of widening the page. */
export function Table({ caption, head, children, testId }: { caption: string; head: readonly string[]; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table className="min-w-full divide-y divide-slate-800 text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-900">
          <tr>{head.map((h) => <th key={h} scope="col" className={TH}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

const TONES = { green: "bg-green-900 text-green-200", red: "bg-red-900 text-red-200", yellow: "bg-yellow-900 text-yellow-100", slate: "bg-slate-800 text-slate-300" } as const;

export function Badge({ tone = "slate", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400">{children}</p>;
}

/** Previous / next links keeping the other query parameters. */
export function Pagination({ page, pageSize, total, path, params }: { page: number; pageSize: number; total: number; path: string; params: Record<string, string | undefined> }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => !!e[1]));
    return `${path}?${query}`;
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm text-slate-300">
      <span>{total} in all · page {Math.min(page, pages)} of {pages}</span>
      <span className="flex gap-3">
        {page > 1 && <Link className={LINK} href={href(page - 1)}>← Previous</Link>}
        {page < pages && <Link className={LINK} href={href(page + 1)}>Next →</Link>}
      </span>
    </nav>
  );
}

export function formatDate(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
