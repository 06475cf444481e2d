import Link from "next/link";
import { CustomCss } from "@/components/custom-css";
import { LiveWall } from "@/components/wall/live-wall";
import { wallHref, WallFilters } from "@/components/wall/wall-filters";
import { WallPager } from "@/components/wall/wall-pager";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { getPerformerName } from "@/lib/server/performers/get-performer-name";
import { listWall } from "@/lib/server/performers/list-wall";
import { listWallTags } from "@/lib/server/performers/list-wall-tags";
import { getBrand } from "@/lib/server/settings/get-brand";
import { firstValues, ZWallQuery } from "@/lib/validations/wall";
import { getCustomCss } from "@/lib/server/settings/get-custom-css";

export const dynamic = "force-dynamic";

type WallSearch = Record<string, string | string[] | undefined>;

export default async function WallPage({ searchParams }: { searchParams: Promise<WallSearch> }) {
  const search = firstValues(await searchParams);
  const query = ZWallQuery.parse(search);
  const user = await getCurrentUser();
  const viewerId = user?.role === "viewer" ? user.id : undefined;
  const [wall, tags, brand, css, from] = await Promise.all([
    listWall({ ...query, viewerId }),
    listWallTags(),
    getBrand(),
    getCustomCss(),
    // A viewer sent back from a room whose performer started a private show with someone else.
    search.notice === "private_show" && search.performer ? getPerformerName(search.performer) : Promise.resolve(null),
  ]);
  const filtered = Boolean(query.q || query.tag || query.following);
  return (
    <section aria-labelledby="wall-title">
      <CustomCss css={css} />
      <h1 id="wall-title" className="mb-3 text-2xl font-bold">{brand.wallHeadline}</h1>
      {search.notice === "private_show" && (
        <p role="status" data-testid="wall-notice" className="mb-4 rounded-lg border border-amber-700 bg-amber-950 p-3 text-sm text-amber-100">
          {from ?? "The performer"} started a private show, so the room is closed for now. Pick someone else, or come back when they are online again.
        </p>
      )}
      {search.notice === "account_closed" && (
        <p role="status" className="mb-4 rounded-lg border border-slate-700 p-3 text-sm text-slate-200">Your account is closed. Thank you for visiting.</p>
      )}
      <WallFilters query={query} tags={tags} signedInViewer={viewerId !== undefined} />
      {filtered && wall.total > 0 && <p className="mb-3 text-sm text-slate-400" data-testid="wall-total">{wall.total} performer{wall.total === 1 ? "" : "s"} found</p>}
      <LiveWall
        key={JSON.stringify(query)}
        initial={wall.performers}
        onlineFirst={query.sort === "online"}
        empty={
          query.following && !query.q && !query.tag ? (
            <p>You follow no one yet. Open a performer&apos;s room and press <strong>Follow</strong>: they show up here, and you hear when they go live.</p>
          ) : filtered ? (
            <p>
              No performer matches {query.q && <>“{query.q}”</>} {query.tag && <>#{query.tag}</>}.{" "}
              <Link className="underline" href={wallHref(query, { q: undefined, tag: undefined, following: undefined })}>Show everyone</Link>
              {tags.length > 0 && <> or try {tags.slice(0, 3).map(({ tag }, i) => <span key={tag}>{i > 0 && ", "}<Link className="underline" href={wallHref(query, { q: undefined, tag })}>#{tag}</Link></span>)}.</>}
            </p>
          ) : query.page > 1 ? (
            <p>This page is empty. <Link className="underline" href="/">Back to the first page</Link>.</p>
          ) : (
            <p>No performers yet. Come back soon.</p>
          )
        }
      />
      <WallPager query={query} pages={wall.pages} />
    </section>
  );
}
