import "server-only";
import { createPresenceBiller } from "@/lib/server/presence/presence-biller";
import { getPresenceSource } from "@/lib/server/presence/get-presence-source";
import { onShowPresenceChange } from "@/lib/server/rooms/room-feed";
import { HEARTBEAT_INTERVAL_SECONDS } from "@/lib/shows/billing";

let started = false;

// Every app instance bills the presence-billed shows whose viewer it sees present: every
// HEARTBEAT_INTERVAL_SECONDS, and at once when a viewer arrives in or leaves a room with a show.
// Several instances may do so at the same time (billing is by time).
export function startPresenceBilling(): void {
  if (started) return;
  started = true;
  const biller = createPresenceBiller(getPresenceSource());
  onShowPresenceChange((performerId) => {
    biller.roomChanged(performerId).catch((error) => console.error("presence billing: left to the tick", error));
  });
  setInterval(() => {
    biller.tick().catch((error) => console.error("presence billing: will retry", error));
  }, HEARTBEAT_INTERVAL_SECONDS * 1000).unref();
}
