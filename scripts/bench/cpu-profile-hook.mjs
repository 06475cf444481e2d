// Loaded into every node process of the app under test with NODE_OPTIONS=--import when the bench runs
// with --cpu-prof (Node does not accept --cpu-prof itself in NODE_OPTIONS). It does nothing except in
// the `next start` process, where SIGUSR2 starts the V8 sampling profiler and the next SIGUSR2 stops
// it and writes the profile to $BENCH_CPU_PROF_FILE (open it in Chrome DevTools or speedscope).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const argv = process.argv.slice(1).join(" ");
const file = process.env.BENCH_CPU_PROF_FILE;

if (file && /next[\\/]dist[\\/]bin[\\/]next\b/.test(argv) && process.argv.includes("start")) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => {
        session.post("Profiler.setSamplingInterval", { interval: 1000 }, () => session.post("Profiler.start"));
      });
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) console.error("bench cpu profile:", error);
      else writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
