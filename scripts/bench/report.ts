import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The results table (markdown), printed and written into docs/benchmarks.md between two markers,
// replacing the previous results; the intro above the markers is written once and then left alone.

export type Row = { scenario: string; rps: number; p50: number; p99: number; errors: number; ratio: number | null };

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function machine(): { cpu: string; cores: number; node: string; memory: string; os: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    node: process.version,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
  };
}

export function table(rows: Row[]): string {
  const lines = [
    "| scenario | requests/s | p50 ms | p99 ms | errors | ratio to no-op |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const ratio = row.ratio === null ? "—" : `${fmt(row.ratio * 100)} %`;
    lines.push(`| ${row.scenario} | ${fmt(row.rps, row.rps < 10 ? 2 : 0)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${fmt(row.errors)} | ${ratio} |`);
  }
  return lines.join("\n");
}

const INTRO = `# Benchmarks

What the chat callback API costs on one machine, measured by \`npm run bench\`
(\`scripts/bench/run-bench.ts\`). One run builds the production app (\`next build\`; \`--no-build\`
reuses the existing build), starts it with the normal launcher (\`scripts/serve.ts\`, \`next start\`,
\`NODE_ENV=production\`) on a fresh embedded PostgreSQL in \`.data/bench-postgres\` (app port 3200,
PostgreSQL 54333, no demo data), writes the bench data straight into the database (a credit pack,
viewers with credits and their ledger rows, online performers, accepted shows), measures, verifies,
and stops everything. All load goes to 127.0.0.1; the load generator (autocannon) runs on the same
machine and takes its share of the CPU.

Scenarios:

- **No-op** — \`GET /api/bench/noop\`: no signature, no database; the framework's ceiling.
- **Single heartbeat** — \`POST /api/chat/v1/shows/{id}/heartbeat\`, each request signed with the
  current timestamp and carrying a fresh \`Idempotency-Key\`, round-robin over 2,000 active shows
  (one per viewer, so no hot row).
- **Tip** — \`POST /api/chat/v1/tips\` \`{userId, performerId, credits: 1}\`, signed, fresh key each,
  round-robin over 2,000 viewers.
- **Batch heartbeats** — 10,000 concurrent active shows (10,000 viewers, 10,000 performers) billed
  through \`POST /api/chat/v1/heartbeats\` with 1,000 ids per request, one request per second (each show
  every 10 s), for 60 s; latency of every batch request. Afterwards the database is checked: every
  show billed exactly by the rule (\`creditsCharged = ceil(secondsBilled × rate / 60)\`, capped by the
  credits), its ledger rows adding up to what it was charged, still active; Σ ledger = balance for
  every user; no negative balance.
- **PostgreSQL ceiling** — the same debit + ledger write as \`lib/server/ledger/apply-credit-change.ts\`
  (conditional \`UPDATE users … RETURNING\` + \`INSERT ledger_entries\`, one durable transaction each),
  straight from a node-pg pool, no HTTP: what the database alone can commit.

The three HTTP scenarios run autocannon with 100 connections for 15 s each, after a 3 s warm-up.
Requests/s is autocannon's mean per second; errors are non-2xx answers plus socket errors and
timeouts. The load generator shares the machine's cores with the app and PostgreSQL, so other work on
the machine lowers every number: the "other processes CPU s" column of the second table shows how
much of it there was during each scenario.

Below the results table, two tables say where the time goes:

- per scenario, the CPU time per request of the app server, of its PostgreSQL and of the load
  generator (from \`/proc\`), the write transactions per request (transaction ids consumed) and the
  WAL written per request;
- the **stages** of a heartbeat, a tip and a batch, measured inside the bench process by calling the
  project's own functions and exported route handlers against the same database (no HTTP, no
  Next.js): the HMAC check, the idempotency claim + store, the domain transaction alone
  (\`billShow\`, \`sendTip\`, \`billShows\`), and the whole route handler.

Two optional flags dig deeper (their runs are slower and are not written to this file when
\`--cpu-prof\` is given): \`--pg-statements\` preloads \`pg_stat_statements\` in the bench database and
prints, per scenario, the statements PostgreSQL executed per request with their time and WAL;
\`--cpu-prof\` samples the app server's main thread during the single-heartbeat, tip and batch runs
and prints where its CPU went (the profiles are kept in \`.data/bench-heartbeat.cpuprofile\`,
\`.data/bench-tip.cpuprofile\` and \`.data/bench-batch.cpuprofile\`). \`--only=batch\` runs just the batch scenario and its verification
(about 40 s with \`--no-build\`; it also prints each batch's latency in sending order) and never
writes this file.

Targets (from the issue): a single heartbeat and a tip at **≥ 50 %** of the no-op route's requests/s;
10,000 concurrent shows billed with batch **p99 < 100 ms**.

Run it (about 3–4 minutes including the build; keep other work off the machine meanwhile):

\`\`\`sh
npm run bench                      # build, start, measure, verify, stop; rewrites the results below
npm run bench -- --no-build        # reuse the existing .next build
npm run bench -- --help            # durations, connections, ports, …
\`\`\`

## Results

`;

/** Replaces the part between the markers named `part` (the main results unless told), or appends it. */
export function writeResultsDoc(file: string, section: string, part = "results"): void {
  const START = `<!-- bench:${part}:start -->`;
  const END = `<!-- bench:${part}:end -->`;
  const body = `${START}\n${section.trim()}\n${END}\n`;
  let text = existsSync(file) ? readFileSync(file, "utf8") : INTRO;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start !== -1 && end > start) text = text.slice(0, start) + body + text.slice(end + END.length + 1);
  else text = `${text.trimEnd()}\n\n${body}`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
