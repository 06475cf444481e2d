import Link from "next/link";
import type { TWallQuery } from "@/lib/validations/wall";
import { wallHref } from "./wall-filters";

export function WallPager({ query, pages }: { query: TWallQuery; pages: number }) {
  if (pages <= 1) return null;
  const page = Math.min(query.page, pages);
  return (
    <nav aria-label="Wall pages" className="mt-6 flex items-center justify-center gap-4 text-sm">
      {page > 1 ? <Link className="rounded bg-slate-800 px-3 py-2 hover:bg-slate-700" href={wallHref(query, { page: page - 1 })}>← Previous</Link> : <span />}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link className="rounded bg-slate-800 px-3 py-2 hover:bg-slate-700" href={wallHref(query, { page: page + 1 })}>Next →</Link> : <span />}
    </nav>
  );
}
