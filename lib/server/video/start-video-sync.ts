import "server-only";
import { prisma } from "@/lib/db/prisma";
import { WALL_STATUS_CHANNEL, type WallStatusEvent } from "@/lib/server/performers/notify-wall-status";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { getVideoServer } from "./get-video-server";
import { syncVideoRoom } from "./sync-video-room";

const SWEEP_EVERY_MS = 30_000;

let started = false;

/**
 * Janus mode: every app instance applies each wall-status change to the media server (the same
 * change applied twice is harmless: kicks and destroys are idempotent), and every 30 s destroys rooms
 * whose performer is offline — a missed notification or a crash between commit and sync.
 */
export function startVideoSync(): void {
  if (started || getVideoServer().kind === "p2p") return;
  started = true;
  const chains = new Map<number, Promise<void>>();
  const sync = (performerId: number) => {
    const next = (chains.get(performerId) ?? Promise.resolve())
      .then(() => syncVideoRoom(performerId))
      .catch((error: unknown) => console.error(`video: room of performer ${performerId} not synced`, error))
      .finally(() => {
        if (chains.get(performerId) === next) chains.delete(performerId);
      });
    chains.set(performerId, next);
  };
  void getRealtimeHub()
    .subscribe(WALL_STATUS_CHANNEL, (message) => sync((message as WallStatusEvent).performerId))
    .catch((error: unknown) => console.error("video: cannot listen for room changes", error));
  setInterval(() => {
    void prisma.videoRoom
      .findMany({ where: { performer: { OR: [{ status: "offline" }, { disabled: true }] } }, select: { performerId: true } })
      .then((rooms) => rooms.forEach((room) => sync(room.performerId)))
      .catch((error: unknown) => console.error("video: sweep failed", error));
  }, SWEEP_EVERY_MS).unref();
}
