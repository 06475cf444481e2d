import { readdirSync, readFileSync } from "node:fs";

// Where the CPU goes during a scenario, from /proc (Linux only; elsewhere it reports nothing):
// user+system time of the app server (next-server and the launcher), of its embedded PostgreSQL
// (the postgres processes under the launcher), of the bench process itself (autocannon, signing)
// and of everything else on the machine, in CPU-seconds.

export type CpuSnapshot = { app: number; postgres: number; bench: number; other: number; at: number } | null;

const TICKS = 100; // USER_HZ on Linux

function readProcs(): { pid: number; ppid: number; comm: string; ticks: number }[] {
  const out: { pid: number; ppid: number; comm: string; ticks: number }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // fields[0] = state (field 3); utime, stime = fields 14, 15; cutime, cstime = 16, 17: the time of
      // reaped children (exited PostgreSQL backends show up in their postmaster's).
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      out.push({ pid: Number(name), ppid: Number(fields[1]), comm, ticks });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** CPU-seconds so far of the app's process tree (rooted at `appPid`), postgres, this process, and the rest. */
export function cpuSnapshot(appPid: number): CpuSnapshot {
  if (process.platform !== "linux") return null;
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const appTree = new Set<number>();
  const stack = [appPid];
  while (stack.length) {
    const pid = stack.pop()!;
    if (appTree.has(pid)) continue;
    appTree.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  let app = 0;
  let postgres = 0;
  let bench = 0;
  let other = 0;
  for (const p of procs) {
    if (p.pid === process.pid) bench += p.ticks;
    else if (appTree.has(p.pid) && p.comm === "postgres") postgres += p.ticks;
    else if (appTree.has(p.pid)) app += p.ticks;
    else other += p.ticks;
  }
  return { app: app / TICKS, postgres: postgres / TICKS, bench: bench / TICKS, other: other / TICKS, at: Date.now() };
}

export type CpuUsage = { seconds: number; app: number; postgres: number; bench: number; other: number };

export function cpuUsage(before: CpuSnapshot, after: CpuSnapshot): CpuUsage | null {
  if (!before || !after) return null;
  return {
    seconds: (after.at - before.at) / 1000,
    app: after.app - before.app,
    postgres: after.postgres - before.postgres,
    bench: after.bench - before.bench,
    other: Math.max(0, after.other - before.other),
  };
}
