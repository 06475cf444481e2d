import type { WallGoal } from "@/lib/realtime/room-events";

/** A goal's progress bar (room and wall card); a reached goal is announced to screen readers too. */
export function GoalBar({ goal, compact = false }: { goal: WallGoal; compact?: boolean }) {
  const percent = Math.min(100, Math.floor((goal.collected * 100) / goal.target));
  return (
    <div className={compact ? "space-y-1 text-xs" : "space-y-1 rounded-lg border border-slate-800 p-3 text-sm"} data-testid="goal-bar">
      <p className="flex justify-between gap-2">
        <span className="truncate font-medium">{compact ? goal.title : `Goal: ${goal.title}`}</span>
        <span data-testid="goal-progress">{goal.collected} / {goal.target}</span>
      </p>
      <div
        role="progressbar" aria-label={`Goal: ${goal.title}`} aria-valuemin={0} aria-valuemax={goal.target} aria-valuenow={Math.min(goal.collected, goal.target)}
        className="h-2 overflow-hidden rounded bg-slate-800"
      >
        <div className="h-full bg-pink-500" style={{ width: `${percent}%` }} />
      </div>
      {goal.reached && !compact && <p role="status" className="font-semibold text-amber-300" data-testid="goal-reached">Goal reached: {goal.title}!</p>}
    </div>
  );
}
