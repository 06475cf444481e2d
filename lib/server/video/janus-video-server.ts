import "server-only";
import { createHmac, randomBytes, randomInt } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { VideoGrant } from "@/lib/video/grant";
import { janusAdmin, JanusError, janusIsUp, VIDEOROOM_NO_SUCH_ROOM, withVideoRoom, type VideoRoomRequest } from "./janus-api";
import type { Presence } from "@/lib/server/presence/presence-source";
import type { VideoServer, VideoServerHealth, VideoUser } from "./video-server";

export type JanusServerConfig = { apiUrl: string; publicUrl: string; adminUrl: string };
export type JanusConfig = { servers: JanusServerConfig[]; adminSecret: string; roomAdminKey: string };

type Room = { performerId: number; server: string; roomId: number; secret: string };

type HandleInfo = {
  flags?: { ready?: boolean; stopped?: boolean };
  plugin_specific: { type?: string; room?: number; id?: number; private_id: number; hangingup?: number; destroyed?: number };
};

/** User ids are positive: 0 stands for the room's performer in the derivations below. */
const PUBLISHER_ID_USER = 0;

/**
 * Per room and user, the participant id and `allowed` token the site hands out: derived from the
 * room's secret, so every app instance computes the same ones without storing them, nobody can guess
 * another user's, and they die with the room (each live session gets a new room and secret).
 */
function derive(room: Room, label: string): Buffer {
  return createHmac("sha256", room.secret).update(label).digest();
}
export function participantToken(room: Room, userId: number): string {
  return derive(room, `token:${userId}`).toString("base64url");
}
export function participantId(room: Room, userId: number): number {
  // 52 bits: a safe integer in the browser's JSON.
  return Number(derive(room, `id:${userId}`).readBigUInt64BE(0) >> 12n) || 1;
}

function toRoom(row: { performerId: number; server: string; roomId: bigint; secret: string }): Room {
  return { performerId: row.performerId, server: row.server, roomId: Number(row.roomId), secret: row.secret };
}

/**
 * Janus VideoRoom. One room per live performer, created on the least busy server that answers and
 * kept there while the performer is live (video_rooms). The room has a secret (only the site knows
 * it), an `allowed` token list and require_pvtid: a viewer joins as a participant with the site's
 * token and id, then subscribes with that participant's private id — so kicking the participant
 * also stops its subscriptions, and with its token removed it cannot join or subscribe again.
 */
export class JanusVideoServer implements VideoServer {
  readonly kind = "janus" as const;

  constructor(private readonly config: JanusConfig) {}

  private server(url: string): JanusServerConfig | undefined {
    return this.config.servers.find((s) => s.apiUrl === url);
  }

  private async findRoom(performerId: number): Promise<Room | null> {
    const row = await prisma.videoRoom.findUnique({ where: { performerId } });
    return row ? toRoom(row) : null;
  }

  private async roomExists(room: Room): Promise<boolean | null> {
    try {
      const reply = await withVideoRoom(room.server, (request) => request({ request: "exists", room: room.roomId }));
      return reply.exists === true;
    } catch {
      return null;
    }
  }

  async createRoom(performerId: number): Promise<void> {
    await this.openRoom(performerId);
  }

  private async openRoom(performerId: number): Promise<Room> {
    const existing = await this.findRoom(performerId);
    if (existing) {
      const exists = await this.roomExists(existing);
      if (exists && this.server(existing.server)) return existing;
      // Its server restarted, went down or left the configuration: place the room again.
      await prisma.videoRoom.deleteMany({ where: { performerId, roomId: existing.roomId } });
    }
    const server = await this.placeRoom();
    const room: Room = { performerId, server: server.apiUrl, roomId: randomInt(1, 2 ** 47), secret: randomBytes(24).toString("base64url") };
    await withVideoRoom(server.apiUrl, (request) =>
      request({
        request: "create",
        admin_key: this.config.roomAdminKey,
        room: room.roomId,
        secret: room.secret,
        description: `performer ${performerId}`,
        is_private: true,
        publishers: 1,
        require_pvtid: true,
        allowed: [participantToken(room, PUBLISHER_ID_USER)],
        notify_joining: false,
        // A keyframe request every few seconds keeps the first frame of a new subscriber quick.
        fir_freq: 3,
        videocodec: "vp8",
        audiocodec: "opus",
      }),
    );
    try {
      await prisma.videoRoom.create({ data: { performerId, server: room.server, roomId: BigInt(room.roomId), secret: room.secret } });
      return room;
    } catch (error) {
      // Another request created the performer's room first: use that one.
      await this.destroyOnServer(room);
      const winner = isUniqueViolation(error) ? await this.findRoom(performerId) : null;
      if (!winner) throw error;
      return winner;
    }
  }

  /** The configured server with the fewest rooms among those that answer now. */
  private async placeRoom(): Promise<JanusServerConfig> {
    const [up, counts] = await Promise.all([
      Promise.all(this.config.servers.map((s) => janusIsUp(s.apiUrl))),
      prisma.videoRoom.groupBy({ by: ["server"], _count: { _all: true } }),
    ]);
    const load = new Map(counts.map((c) => [c.server, c._count._all]));
    const candidates = this.config.servers.filter((_, i) => up[i]).sort((a, b) => (load.get(a.apiUrl) ?? 0) - (load.get(b.apiUrl) ?? 0));
    const chosen = candidates[0];
    if (!chosen) {
      throw new AppError("video_unavailable", "The video server is not reachable right now, so viewers cannot see your camera. Try again in a minute; if it lasts, tell the site's admin.");
    }
    return chosen;
  }

  private async destroyOnServer(room: Room): Promise<void> {
    await withVideoRoom(room.server, (request) => request({ request: "destroy", room: room.roomId, secret: room.secret })).catch((error: unknown) => {
      if (!(error instanceof JanusError && error.code === VIDEOROOM_NO_SUCH_ROOM)) throw error;
    });
  }

  async destroyRoom(performerId: number): Promise<void> {
    const room = await this.findRoom(performerId);
    if (!room) return;
    // A server that is down has lost the room already.
    await this.destroyOnServer(room).catch((error: unknown) => console.error(`video: room of performer ${performerId} not destroyed on ${room.server}`, error));
    await prisma.videoRoom.deleteMany({ where: { performerId, roomId: room.roomId } });
  }

  async allowViewer(performerId: number, user: VideoUser, role: "publisher" | "subscriber"): Promise<VideoGrant> {
    const room = role === "publisher" ? await this.openRoom(performerId) : await this.findRoom(performerId);
    if (!room) throw new AppError("conflict", "The performer's camera is not on yet.");
    const server = this.server(room.server);
    if (!server) throw new AppError("video_unavailable", "This room's video server is no longer configured.");
    const subject = role === "publisher" ? PUBLISHER_ID_USER : user.id;
    const token = participantToken(room, subject);
    await withVideoRoom(room.server, (request) => request({ request: "allowed", action: "add", room: room.roomId, secret: room.secret, allowed: [token] })).catch(
      (error: unknown) => {
        throw new AppError("video_unavailable", error instanceof JanusError && error.code === VIDEOROOM_NO_SUCH_ROOM ? "The performer's camera is not on yet." : "The video server is not reachable right now.");
      },
    );
    return {
      mode: "janus",
      url: server.publicUrl,
      room: room.roomId,
      id: participantId(room, subject),
      token,
      feed: participantId(room, PUBLISHER_ID_USER),
      role,
    };
  }

  async revokeViewer(performerId: number, userId: number): Promise<void> {
    const room = await this.findRoom(performerId);
    if (!room) return;
    await withVideoRoom(room.server, async (request) => {
      await request({ request: "allowed", action: "remove", room: room.roomId, secret: room.secret, allowed: [participantToken(room, userId)] });
      await this.kick(request, room, [participantId(room, userId)]);
    });
  }

  async kickAllExcept(performerId: number, keepUserIds: number[]): Promise<void> {
    const room = await this.findRoom(performerId);
    if (!room) return;
    const keepTokens = new Set([PUBLISHER_ID_USER, ...keepUserIds].map((id) => participantToken(room, id)));
    const keepIds = new Set([PUBLISHER_ID_USER, ...keepUserIds].map((id) => participantId(room, id)));
    await withVideoRoom(room.server, async (request) => {
      // Tokens first, so a kicked page that re-joins at once is already refused.
      const listed = await request({ request: "allowed", action: "enable", room: room.roomId, secret: room.secret });
      const revoke = ((listed.allowed as string[] | undefined) ?? []).filter((token) => !keepTokens.has(token));
      if (revoke.length > 0) await request({ request: "allowed", action: "remove", room: room.roomId, secret: room.secret, allowed: revoke });
      const participants = await this.participants(request, room);
      await this.kick(request, room, participants.filter((id) => !keepIds.has(id)));
    });
  }

  private async participants(request: VideoRoomRequest, room: Room): Promise<number[]> {
    const reply = await request({ request: "listparticipants", room: room.roomId });
    return ((reply.participants as { id: number }[] | undefined) ?? []).map((p) => p.id);
  }

  private async kick(request: VideoRoomRequest, room: Room, ids: number[]): Promise<void> {
    await Promise.all(
      ids.map((id) =>
        request({ request: "kick", room: room.roomId, secret: room.secret, id }).catch((error: unknown) => {
          // Already gone.
          if (!(error instanceof JanusError)) throw error;
        }),
      ),
    );
  }

  /**
   * From Janus' admin API: a user is present while the room has their participant and a subscriber
   * handle with that participant's private id whose PeerConnection is up (webrtcup, not hung up).
   * Closing the tab closes the page's WebSocket, which ends its session: absent within a second.
   */
  async presence(performerId: number, userIds: number[]): Promise<Map<number, Presence>> {
    const room = await this.findRoom(performerId);
    const server = room && this.server(room.server);
    if (!room) return new Map(userIds.map((id) => [id, "absent"]));
    if (!server) return new Map(userIds.map((id) => [id, "unknown"]));
    let handles: HandleInfo[];
    try {
      handles = await this.roomHandles(server, room.roomId);
    } catch {
      return new Map(userIds.map((id) => [id, "unknown"]));
    }
    const privateIds = new Map<number, number>();
    const watching = new Set<number>();
    for (const { plugin_specific: plugin, flags } of handles) {
      if (plugin.type === "publisher" && plugin.id !== undefined) privateIds.set(plugin.id, plugin.private_id);
      if (plugin.type === "subscriber" && flags?.ready && !flags.stopped && !plugin.hangingup && !plugin.destroyed) watching.add(plugin.private_id);
    }
    return new Map(
      userIds.map((userId) => {
        const privateId = privateIds.get(participantId(room, userId));
        return [userId, privateId !== undefined && watching.has(privateId) ? "present" : "absent"];
      }),
    );
  }

  /** The admin API's view of every handle in one room: sessions → handles → handle_info. */
  private async roomHandles(server: JanusServerConfig, roomId: number): Promise<HandleInfo[]> {
    const admin = (body: Record<string, unknown>, path = "") => janusAdmin(server.adminUrl, this.config.adminSecret, body, path);
    const sessions = ((await admin({ janus: "list_sessions" })).sessions as number[] | undefined) ?? [];
    const found: HandleInfo[] = [];
    await Promise.all(
      sessions.map(async (session) => {
        const handles = ((await admin({ janus: "list_handles" }, `/${session}`).catch(() => ({ handles: [] }))).handles as number[] | undefined) ?? [];
        await Promise.all(
          handles.map(async (handle) => {
            // A handle can go away between the two calls.
            const info = (await admin({ janus: "handle_info" }, `/${session}/${handle}`).catch(() => null))?.info as HandleInfo | undefined;
            if (info?.plugin_specific?.room === roomId) found.push(info);
          }),
        );
      }),
    );
    return found;
  }

  async health(): Promise<VideoServerHealth[]> {
    const counts = await prisma.videoRoom.groupBy({ by: ["server"], _count: { _all: true } });
    const load = new Map(counts.map((c) => [c.server, c._count._all]));
    return Promise.all(this.config.servers.map(async (s) => ({ url: s.publicUrl, up: await janusIsUp(s.apiUrl), rooms: load.get(s.apiUrl) ?? 0 })));
  }
}
