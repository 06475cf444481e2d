import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Starts Debian's `janus` with the repo's configuration (janus/), filled in for one instance:
// loopback ports, the admin secret and the VideoRoom admin key. Used by the tests, the video bench
// and `npm run dev` (when /usr/bin/janus exists and VIDEO_SERVER is not set).

export const JANUS_BINARY = process.env.JANUS_BINARY ?? "/usr/bin/janus";
const LIB_DIR = process.env.JANUS_LIB_DIR ?? "/usr/lib/x86_64-linux-gnu/janus";

export type JanusInstance = {
  /** The Janus HTTP API the site's server calls. */
  apiUrl: string;
  /** The WebSocket URL browsers use. */
  publicUrl: string;
  adminUrl: string;
  pid: number | undefined;
  process: ChildProcess;
  stop: () => Promise<void>;
};

export type JanusOptions = {
  /** HTTP API port; the admin API is port + 1 and the WebSocket port + 2. */
  port: number;
  adminSecret: string;
  roomAdminKey: string;
  dataDir?: string;
  /** e.g. "20000-40000"; unset = ports the OS picks. */
  rtpPortRange?: string;
  quiet?: boolean;
};

export function janusInstalled(): boolean {
  return existsSync(JANUS_BINARY) && existsSync(LIB_DIR);
}

function writeConfig(dir: string, options: JanusOptions): void {
  mkdirSync(dir, { recursive: true });
  const values: Record<string, string> = {
    CONFIG_DIR: dir,
    LIB_DIR,
    SERVER_NAME: `janus-${options.port}`,
    ADMIN_SECRET: options.adminSecret,
    ROOM_ADMIN_KEY: options.roomAdminKey,
    HTTP_PORT: String(options.port),
    ADMIN_PORT: String(options.port + 1),
    WS_PORT: String(options.port + 2),
    WS_IP: "127.0.0.1",
    RTP_PORT_RANGE: options.rtpPortRange ? `rtp_port_range = "${options.rtpPortRange}"` : "",
    NAT_1_1_MAPPING: "",
  };
  const source = path.resolve("janus");
  for (const name of readdirSync(source)) {
    if (!name.endsWith(".jcfg")) continue;
    const text = readFileSync(path.join(source, name), "utf8").replace(/@([A-Z0-9_]+)@/g, (_, key: string) => values[key] ?? "");
    writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  }
}

async function waitForApi(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`janus exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/info`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`janus did not answer on ${url} within ${timeoutMs} ms`);
}

export async function startJanus(options: JanusOptions): Promise<JanusInstance> {
  const dir = path.resolve(options.dataDir ?? `.data/janus-${options.port}`);
  writeConfig(dir, options);
  const child = spawn(JANUS_BINARY, ["-F", dir, "-C", path.join(dir, "janus.jcfg"), "-o"], {
    stdio: options.quiet ? "ignore" : ["ignore", "inherit", "inherit"],
  });
  // Tests stop one server to check the site's placement around it.
  if (child.pid) writeFileSync(path.join(dir, "janus.pid"), String(child.pid));
  const apiUrl = `http://127.0.0.1:${options.port}/janus`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  try {
    await waitForApi(apiUrl, child, 15_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    apiUrl,
    publicUrl: `ws://127.0.0.1:${options.port + 2}`,
    adminUrl: `http://127.0.0.1:${options.port + 1}/admin`,
    pid: child.pid,
    process: child,
    stop,
  };
}

/** The site's environment for a set of running instances (see lib/env.ts). */
export function videoEnv(instances: Pick<JanusInstance, "apiUrl" | "publicUrl" | "adminUrl">[], adminSecret: string, roomAdminKey: string): Record<string, string> {
  return {
    VIDEO_SERVER: instances.map((i) => i.apiUrl).join(","),
    VIDEO_PUBLIC_URLS: instances.map((i) => i.publicUrl).join(","),
    VIDEO_ADMIN_URLS: instances.map((i) => i.adminUrl).join(","),
    VIDEO_ADMIN_SECRET: adminSecret,
    VIDEO_ROOM_ADMIN_KEY: roomAdminKey,
  };
}
