import { startJanus, type JanusInstance } from "./lib/janus-process";

// `tsx scripts/janus.ts <port> [<port>…]`: runs one Janus per port (API port, admin +1, WebSocket +2)
// until stopped. The secrets come from JANUS_ADMIN_SECRET and JANUS_ROOM_ADMIN_KEY (the same values
// the site gets as VIDEO_ADMIN_SECRET and VIDEO_ROOM_ADMIN_KEY).

async function main(): Promise<void> {
  const ports = process.argv.slice(2).map(Number);
  const adminSecret = process.env.JANUS_ADMIN_SECRET;
  const roomAdminKey = process.env.JANUS_ROOM_ADMIN_KEY;
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p)) || !adminSecret || !roomAdminKey) {
    throw new Error("usage: JANUS_ADMIN_SECRET=… JANUS_ROOM_ADMIN_KEY=… tsx scripts/janus.ts <port> [<port>…]");
  }
  const instances: JanusInstance[] = [];
  const stop = async () => {
    await Promise.all(instances.map((i) => i.stop()));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  for (const port of ports) {
    const instance = await startJanus({ port, adminSecret, roomAdminKey, quiet: process.env.JANUS_QUIET === "1" });
    instances.push(instance);
    instance.process.on("exit", (code) => console.error(`janus on ${port} exited (${code})`));
    console.log(`janus: API ${instance.apiUrl}, browsers ${instance.publicUrl}, admin ${instance.adminUrl}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
