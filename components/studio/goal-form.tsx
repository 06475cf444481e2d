"use client";

import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import { GoalBar } from "@/components/room/goal-bar";
import type { ActionResult } from "@/lib/http/action-result";

type Goal = { id: number; title: string; target: number; collected: number; status: "active" | "reached" | "cancelled"; createdAt: Date };

/** The studio's goal: the running one's bar, a form for a new one, and the history of what each collected. */
export function GoalForm({ goals, startAction, endAction }: {
  goals: Goal[]; startAction: (formData: FormData) => Promise<ActionResult<unknown>>; endAction: () => Promise<ActionResult<unknown>>;
}) {
  const running = goals.find((goal) => goal.status === "active");
  return (
    <section aria-labelledby="goal-title" className="space-y-3 rounded-lg border border-slate-800 p-4">
      <h2 id="goal-title" className="text-lg font-semibold">Goal</h2>
      {running && (
        <>
          <GoalBar goal={{ ...running, reached: false }} />
          <ActionForm action={endAction} success="Goal taken down." aria-label="Take the goal down">
            <SubmitButton tone="secondary" pendingText="…">Take it down</SubmitButton>
          </ActionForm>
        </>
      )}
      <ActionForm action={startAction} success="Goal set. Tips in your room count towards it." aria-label="New goal" resetOnSuccess className="grid gap-3 sm:grid-cols-3">
        <TextField label="Goal" name="title" required placeholder="Oil show" />
        <TextField label="Target (credits)" name="target" inputMode="numeric" required placeholder="2000" />
        <div className="self-end"><SubmitButton pendingText="Saving…">{running ? "Replace goal" : "Set goal"}</SubmitButton></div>
      </ActionForm>
      {goals.length > 0 && (
        <table className="w-full text-left text-sm" data-testid="goal-history">
          <caption className="text-left text-slate-300">History</caption>
          <thead className="text-slate-300"><tr><th scope="col">Goal</th><th scope="col" className="text-right">Collected</th><th scope="col" className="text-right">Target</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {goals.map((goal) => (
              <tr key={goal.id} className="border-t border-slate-800">
                <td>{goal.title}</td><td className="text-right">{goal.collected}</td><td className="text-right">{goal.target}</td><td>{goal.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
