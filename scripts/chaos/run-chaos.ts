import { killChildren } from "../bench/server";
import { runChaos } from "./chaos";
import { formatSummary } from "./format-summary";
import { parseChaosOptions } from "./options";

// `npm run chaos [-- --requests=10000 --clients=48 --kills=1 --no-build --wait-sweeper]`: see
// scripts/chaos/chaos.ts and docs/benchmarks.md ("Chaos run"). Exit code 1 if any check failed.

const options = parseChaosOptions(process.argv.slice(2));
process.on("SIGINT", () => {
  killChildren();
  process.exit(130);
});
try {
  const summary = await runChaos(options);
  console.log(`\n${formatSummary(summary)}`);
  process.exitCode = summary.ok ? 0 : 1;
} catch (error) {
  killChildren();
  console.error(error);
  process.exitCode = 1;
}
