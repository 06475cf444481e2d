import type { ChaosSummary } from "./chaos";

/** The run in a few lines, as printed and as kept in docs/benchmarks.md. */
export function formatSummary(summary: ChaosSummary): string {
  const lines = [
    `Chaos run: ${summary.requests} requests (${summary.attempts} attempts) from ${summary.options.clients} clients, seed ${summary.options.seed}, ${(summary.wallMs / 1000).toFixed(0)} s`,
    `- retried: ${summary.retried}; failed by a kill and resent with their key after the restart: ${summary.resentAfterRestart}; given up: ${summary.gaveUp}`,
    ...summary.kills.map((kill) => `- SIGKILL at request ${kill.atRequest}, ${kill.inFlight} in flight (${kill.killed.join(", ")}); restarted in ${(kill.restartMs / 1000).toFixed(1)} s`),
    `- answers: ${Object.entries(summary.statuses).sort().map(([kind, byStatus]) => `${kind} ${Object.entries(byStatus).map(([s, n]) => `${s}×${n}`).join(" ")}`).join("; ")}`,
    `- IPN messages: ${Object.entries(summary.ipnOutcomes).map(([outcome, n]) => `${outcome} ${n}`).join(", ")}`,
    `- shows: ${Object.entries(summary.showsEndedBy).map(([reason, n]) => `${reason} ${n}`).join(", ")}`,
    ...summary.checks.map((check) => `- ${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.detail}`),
    summary.ok ? "All checks passed." : "CHECKS FAILED.",
  ];
  return lines.join("\n");
}
