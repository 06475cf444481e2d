import { PerformerCard } from "@/components/wall/performer-card";
import { listPerformers } from "@/lib/server/performers/list-performers";

export const dynamic = "force-dynamic";

export default async function WallPage() {
  const performers = await listPerformers();
  return (
    <section aria-labelledby="wall-title">
      <h1 id="wall-title" className="mb-4 text-2xl font-bold">Performers</h1>
      {performers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-700 p-8 text-center text-slate-400">No performers yet. Come back soon.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {performers.map((performer) => <PerformerCard key={performer.id} performer={performer} />)}
        </ul>
      )}
    </section>
  );
}
