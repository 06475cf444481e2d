// Command-line flags of `npm run bench` (all optional):
//   --no-build            use the existing .next build instead of running `next build`
//   --duration=15         seconds per autocannon scenario (after the warm-up)
//   --warmup=3            seconds of warm-up before each autocannon scenario (not measured)
//   --connections=100     autocannon connections
//   --batch-seconds=60    how long the 10,000-show batch heartbeat scenario runs (at least 10)
//   --shows=10000         concurrent active shows billed by the batch scenario
//   --db-seconds=10       duration of the direct PostgreSQL debit + ledger loop
//   --db-clients=24       pg pool size of that loop
//   --stage-seconds=4     duration of each in-process stage measurement (0 = skip the stages)
//   --port=3200 --pg-port=54333
//   --no-docs             do not rewrite docs/benchmarks.md
//   --pg-statements       preload pg_stat_statements in the bench database and print, per scenario,
//                         the statements PostgreSQL spent its time on (per request: calls, ms, WAL)
//   --cpu-prof            profile the app server (V8 sampling profiler) during the measured single
//                         heartbeat, tip and batch runs; writes .data/bench-{heartbeat,tip,batch}.cpuprofile
//                         and prints a summary of each
//                         (profiling slows the server: the numbers of that run are not comparable);
//                         with --only=audience, the wall's server-rendering run (.data/bench-wall.cpuprofile)
//   --only=batch          run only the batch heartbeat scenario (and its verification); never
//                         writes docs/benchmarks.md
//   --only=audience       run only the audience scenario on its own fresh app and database (2,000
//                         viewers' SSE streams in one room, 500 walls, 1,000 performers) and the
//                         NOTIFY ceiling; writes its own section of docs/benchmarks.md (a full run
//                         ends with it)

export type BenchOptions = {
  build: boolean;
  duration: number;
  warmup: number;
  connections: number;
  batchSeconds: number;
  shows: number;
  dbSeconds: number;
  dbClients: number;
  stageSeconds: number;
  port: number;
  pgPort: number;
  docs: boolean;
  cpuProf: boolean;
  pgStatements: boolean;
  /** Run only this scenario, or all of them. */
  only: "batch" | "audience" | null;
};

const DEFAULTS: BenchOptions = {
  build: true,
  duration: 15,
  warmup: 3,
  connections: 100,
  batchSeconds: 60,
  shows: 10_000,
  dbSeconds: 10,
  dbClients: 24,
  stageSeconds: 4,
  port: 3200,
  pgPort: 54333,
  docs: true,
  cpuProf: false,
  pgStatements: false,
  only: null,
};

const NUMERIC: Record<string, keyof BenchOptions> = {
  duration: "duration",
  warmup: "warmup",
  connections: "connections",
  "batch-seconds": "batchSeconds",
  shows: "shows",
  "db-seconds": "dbSeconds",
  "db-clients": "dbClients",
  "stage-seconds": "stageSeconds",
  port: "port",
  "pg-port": "pgPort",
};

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS };
  for (const arg of argv) {
    if (arg === "--no-build") options.build = false;
    else if (arg === "--no-docs") options.docs = false;
    else if (arg === "--cpu-prof") options.cpuProf = true;
    else if (arg === "--pg-statements") options.pgStatements = true;
    else if (arg === "--only=batch") options.only = "batch";
    else if (arg === "--only=audience") options.only = "audience";
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: npm run bench -- [--no-build] [--no-docs] [--cpu-prof] [--pg-statements] [--only=batch|audience] [--duration=15] [--warmup=3] [--connections=100]\n" +
        "       [--batch-seconds=60] [--shows=10000] [--db-seconds=10] [--db-clients=24] [--stage-seconds=4] [--port=3200] [--pg-port=54333]");
      process.exit(0);
    } else {
      const match = /^--([a-z-]+)=(\d+)$/.exec(arg);
      const key = match ? NUMERIC[match[1]!] : undefined;
      if (!match || !key) throw new Error(`Unknown bench flag: ${arg} (see --help)`);
      (options[key] as number) = Number(match[2]);
    }
  }
  if (options.batchSeconds < 10) throw new Error("--batch-seconds must be at least 10 (each show is billed every 10 s).");
  if (options.shows < 1000 || options.shows % 1000 !== 0) throw new Error("--shows must be a multiple of 1000 (batches of 1000 ids).");
  if (options.duration < 1 || options.connections < 1 || options.dbClients < 1) throw new Error("durations and counts must be positive");
  return options;
}
