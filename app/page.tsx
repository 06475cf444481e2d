import { CustomCss } from "@/components/custom-css";
import { LiveWall } from "@/components/wall/live-wall";
import { listPerformers } from "@/lib/server/performers/list-performers";
import { getCustomCss } from "@/lib/server/settings/get-custom-css";

export const dynamic = "force-dynamic";

type WallSearch = { notice?: string; performer?: string };

export default async function WallPage({ searchParams }: { searchParams: Promise<WallSearch> }) {
  const [performers, search, css] = await Promise.all([listPerformers(), searchParams, getCustomCss()]);
  // A viewer sent back from a room whose performer started a private show with someone else.
  const from = search.notice === "private_show" ? performers.find((p) => p.slug === search.performer) : undefined;
  return (
    <section aria-labelledby="wall-title">
      <CustomCss css={css} />
      <h1 id="wall-title" className="mb-2 text-2xl font-bold">Performers</h1>
      {search.notice === "private_show" && (
        <p role="status" data-testid="wall-notice" className="mb-4 rounded-lg border border-amber-700 bg-amber-950 p-3 text-sm text-amber-100">
          {from ? from.displayName : "The performer"} started a private show, so the room is closed for now. Pick someone else, or come back when they are online again.
        </p>
      )}
      <LiveWall initial={performers} />
    </section>
  );
}
