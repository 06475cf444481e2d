import Link from "next/link";
import type { TWallQuery } from "@/lib/validations/wall";

const SORTS = [
  { value: "online", label: "Online first" },
  { value: "newest", label: "Newest" },
  { value: "tipped", label: "Most tipped this week" },
] as const;

/** The wall's query string for a change of filters; the page resets to 1 unless given. */
export function wallHref(query: TWallQuery, change: Partial<Record<keyof TWallQuery, string | number | undefined>>): string {
  const next: Record<string, string | number | undefined> = { q: query.q, tag: query.tag, sort: query.sort, following: query.following, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "" || (key === "sort" && value === "online") || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

/**
 * Search, sort, "Following" and tag chips as a plain GET form and links: it works before the page's
 * JavaScript loads, and every filtered wall has a URL to share or go back to.
 */
export function WallFilters({ query, tags, signedInViewer }: { query: TWallQuery; tags: { tag: string; count: number }[]; signedInViewer: boolean }) {
  return (
    <div className="mb-4 space-y-3">
      <form role="search" method="get" action="/" className="flex flex-wrap items-end gap-2">
        <div className="w-full min-w-0 sm:w-auto sm:flex-1">
          <label htmlFor="wall-q" className="sr-only">Search performers by name</label>
          <input
            id="wall-q" name="q" type="search" defaultValue={query.q} maxLength={60} placeholder="Search by name"
            className="w-full rounded border border-slate-700 bg-slate-900 px-3 py-2 text-slate-100 focus:border-pink-500 focus:outline-none"
          />
        </div>
        <div>
          <label htmlFor="wall-sort" className="sr-only">Sort</label>
          <select id="wall-sort" name="sort" defaultValue={query.sort} className="rounded border border-slate-700 bg-slate-900 px-2 py-2 text-slate-100">
            {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
        {query.tag && <input type="hidden" name="tag" value={query.tag} />}
        {query.following && <input type="hidden" name="following" value="1" />}
        <button className="rounded bg-pink-600 px-4 py-2 text-sm font-medium text-white hover:bg-pink-500">Search</button>
      </form>
      <nav aria-label="Filter by tag" className="-mx-1 flex flex-wrap gap-2 px-1 text-sm">
        <Link href={wallHref(query, { tag: undefined, following: undefined })} aria-current={!query.tag && !query.following ? "page" : undefined} className={chip(!query.tag && !query.following)}>
          All
        </Link>
        {signedInViewer && (
          <Link href={wallHref(query, { following: query.following ? undefined : "1" })} aria-current={query.following ? "page" : undefined} className={chip(!!query.following)} data-testid="filter-following">
            ♥ Following
          </Link>
        )}
        {tags.map(({ tag }) => (
          <Link key={tag} href={wallHref(query, { tag: query.tag === tag ? undefined : tag })} aria-current={query.tag === tag ? "page" : undefined} className={chip(query.tag === tag)} data-testid="tag-chip">
            #{tag}
          </Link>
        ))}
      </nav>
    </div>
  );
}

function chip(active: boolean): string {
  return `rounded-full px-3 py-1 ${active ? "bg-pink-600 text-white" : "bg-slate-800 text-slate-200 hover:bg-slate-700"}`;
}
