import { readFileSync } from "node:fs";

// A short text summary of a V8 .cpuprofile: self time by origin (framework, Prisma, pg, app bundle,
// Node internals, GC, idle) and the functions with the most self time.

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function origin(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "V8/native (program)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  if (url.startsWith("wasm://")) return "WebAssembly (Prisma query compiler)";
  if (url.startsWith("node:")) return "Node.js internals";
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) {
    const pkg = match[1]!;
    if (pkg === "next" && /compiled\/(react|react-dom|react-server-dom)/.test(url)) return "react (compiled into next)";
    return pkg;
  }
  if (url.includes("/.next/server/")) return "app bundle (.next/server: route code, lib/*, zod, generated Prisma client)";
  return url.replace(/^file:\/\//, "");
}

export function summarizeProfile(file: string, top = 20): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + delta);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const busy = total - [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)!.callFrame;
    const o = origin(frame);
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + time);
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, "").replace(/^.*\/\.next\//, ".next/").replace(/^file:\/\//, "")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  }
  const pct = (t: number, of: number) => `${((t / of) * 100).toFixed(1).padStart(5)} %`;
  const lines = [
    `profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${pct(busy, total).trim()} of the server's main thread)`,
    "self time by origin (share of busy time):",
  ];
  for (const [o, t] of [...byOrigin].filter(([o]) => o !== "idle").sort((a, b) => b[1] - a[1]).slice(0, 14)) lines.push(`  ${pct(t, busy)}  ${o}`);
  // Inclusive: a sample counts for every origin on its stack (so the shares add up to more than 100 %).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node)!.callFrame;
      if (frame.functionName === "(root)") continue;
      seen.add(origin(frame));
    }
    for (const o of seen) inclusive.set(o, (inclusive.get(o) ?? 0) + time);
  }
  lines.push("inclusive time by origin (busy samples with that origin anywhere on the stack):");
  for (const [o, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`  ${pct(t, busy)}  ${o}`);
  lines.push(`top ${top} functions by self time (share of busy time):`);
  for (const [f, t] of [...byFunction].filter(([f]) => !f.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${pct(t, busy)}  ${f.length > 150 ? `${f.slice(0, 147)}...` : f}`);
  }
  return lines;
}
