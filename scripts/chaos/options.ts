// Command-line flags of `npm run chaos` (all optional):
//   --requests=10000      signed chat API requests and IPNs to send (duplicates count; retries do not)
//   --clients=48          concurrent clients
//   --kills=1             SIGKILLs of the whole site, evenly spaced through the run
//   --no-build            use the existing .next build instead of running `next build`
//   --wait-sweeper        let the 45 s timeout sweep end the shows whose chat server "died" before
//                         ending the rest through the API (otherwise all are ended through the API)
//   --seed=1              the workload's random seed (the same seed sends the same mix)
//   --port=3340 --pg-port=55400 --paypal-port=3341

export type ChaosOptions = {
  requests: number;
  clients: number;
  kills: number;
  build: boolean;
  waitSweeper: boolean;
  seed: number;
  port: number;
  pgPort: number;
  paypalPort: number;
};

export const CHAOS_DEFAULTS: ChaosOptions = {
  requests: 10_000,
  clients: 48,
  kills: 1,
  build: true,
  waitSweeper: false,
  seed: 1,
  port: 3340,
  pgPort: 55400,
  paypalPort: 3341,
};

export function parseChaosOptions(argv: string[]): ChaosOptions {
  const options = { ...CHAOS_DEFAULTS };
  for (const arg of argv) {
    if (arg === "--no-build") options.build = false;
    else if (arg === "--wait-sweeper") options.waitSweeper = true;
    else {
      const match = /^--(requests|clients|kills|seed|port|pg-port|paypal-port)=(\d+)$/.exec(arg);
      if (!match) throw new Error(`Unknown flag ${arg} (see scripts/chaos/options.ts).`);
      const value = Number(match[2]);
      const name = match[1] === "pg-port" ? "pgPort" : match[1] === "paypal-port" ? "paypalPort" : (match[1] as "requests" | "clients" | "kills" | "seed" | "port");
      options[name] = value;
    }
  }
  if (options.requests < 100) throw new Error("--requests must be at least 100.");
  if (options.clients < 1) throw new Error("--clients must be at least 1.");
  return options;
}
