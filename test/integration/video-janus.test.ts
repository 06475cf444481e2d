import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { JanusVideoServer } from "@/lib/server/video/janus-video-server";
import { syncVideoRoom } from "@/lib/server/video/sync-video-room";
import type { VideoGrant } from "@/lib/video/grant";
import { janusInstalled, startJanus, type JanusInstance } from "@/scripts/lib/janus-process";
import { createPerformer } from "@/test/helpers/factories";

// The Janus implementation against a real Janus (Debian's /usr/bin/janus): placement, the token list
// and kicks it manages, and the wall-status sync. Browsers are in e2e/video; here the participant is
// a plain HTTP client, which is all the token checks need.

const PORT = Number(process.env.TEST_JANUS_PORT ?? 7370);
// Nothing listens here: a configured server that is down.
const DOWN = { apiUrl: "http://127.0.0.1:9/janus", publicUrl: "ws://127.0.0.1:9", adminUrl: "http://127.0.0.1:9/admin" };
const adminSecret = randomBytes(16).toString("hex");
const roomAdminKey = randomBytes(16).toString("hex");

let janus: JanusInstance;
let video: JanusVideoServer;

type Janus = { janus: string; data?: { id: number }; plugindata?: { data: Record<string, unknown> } };
async function post(url: string, body: Record<string, unknown>): Promise<Janus> {
  const response = await fetch(url, { method: "POST", body: JSON.stringify({ ...body, transaction: randomBytes(6).toString("hex") }) });
  return (await response.json()) as Janus;
}

/** Joins the room as a (non-publishing) participant over HTTP, as a viewer's page does over WebSocket. */
async function join(grant: Extract<VideoGrant, { mode: "janus" }>, id = grant.id): Promise<Record<string, unknown>> {
  const session = (await post(janus.apiUrl, { janus: "create" })).data!.id;
  const handle = (await post(`${janus.apiUrl}/${session}`, { janus: "attach", plugin: "janus.plugin.videoroom" })).data!.id;
  await post(`${janus.apiUrl}/${session}/${handle}`, { janus: "message", body: { request: "join", ptype: "publisher", room: grant.room, id, token: grant.token } });
  const events = (await (await fetch(`${janus.apiUrl}/${session}?maxev=5`)).json()) as Janus[] | Janus;
  const event = (Array.isArray(events) ? events : [events]).find((e) => e.janus === "event");
  return event?.plugindata?.data ?? {};
}

async function participants(room: number): Promise<number[]> {
  const session = (await post(janus.apiUrl, { janus: "create" })).data!.id;
  const handle = (await post(`${janus.apiUrl}/${session}`, { janus: "attach", plugin: "janus.plugin.videoroom" })).data!.id;
  const reply = await post(`${janus.apiUrl}/${session}/${handle}`, { janus: "message", body: { request: "listparticipants", room } });
  return ((reply.plugindata?.data.participants as { id: number }[] | undefined) ?? []).map((p) => p.id);
}

type JanusEvent = Janus & { sender?: number; jsep?: RTCSessionDescriptionInit };

/** One VideoRoom handle on its own HTTP session; `request` waits for the plugin's event. */
async function handle(): Promise<{ request: (body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit) => Promise<JanusEvent>; close: () => Promise<void> }> {
  const session = (await post(janus.apiUrl, { janus: "create" })).data!.id;
  const id = (await post(`${janus.apiUrl}/${session}`, { janus: "attach", plugin: "janus.plugin.videoroom" })).data!.id;
  return {
    request: async (body, jsep) => {
      await post(`${janus.apiUrl}/${session}/${id}`, { janus: "message", body, ...(jsep ? { jsep } : {}) });
      for (;;) {
        const events = (await (await fetch(`${janus.apiUrl}/${session}?maxev=5`)).json()) as JanusEvent[] | JanusEvent;
        const event = (Array.isArray(events) ? events : [events]).find((e) => e.janus === "event");
        if (event) return event;
      }
    },
    close: async () => {
      await post(`${janus.apiUrl}/${session}`, { janus: "destroy" });
    },
  };
}

/** A WebRTC peer (Node) whose SDP carries its candidates: Janus needs no trickle from it. */
async function describeLocal(pc: RTCPeerConnection, description: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
  await pc.setLocalDescription(description);
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
  });
  return { type: description.type, sdp: pc.localDescription!.sdp };
}

const asJanus = (grant: VideoGrant) => {
  if (grant.mode !== "janus") throw new Error("expected a Janus grant");
  return grant;
};

describe.skipIf(!janusInstalled())("Janus video server", () => {
  beforeAll(async () => {
    janus = await startJanus({ port: PORT, adminSecret, roomAdminKey, quiet: true, dataDir: `.data/test-janus-${PORT}` });
    video = new JanusVideoServer({ servers: [DOWN, { apiUrl: janus.apiUrl, publicUrl: janus.publicUrl, adminUrl: janus.adminUrl }], adminSecret, roomAdminKey });
  });
  afterAll(async () => {
    await janus?.stop();
  });

  it("places a room on a server that answers, never on one that is down, and keeps it there", async () => {
    const performer = await createPerformer({ status: "online" });
    const grant = asJanus(await video.allowViewer(performer.id, { id: performer.userId, display: "p" }, "publisher"));
    expect(grant.url).toBe(janus.publicUrl);
    const row = await prisma.videoRoom.findUniqueOrThrow({ where: { performerId: performer.id } });
    expect(row.server).toBe(janus.apiUrl);
    const again = asJanus(await video.allowViewer(performer.id, { id: performer.userId, display: "p" }, "publisher"));
    expect(again.room).toBe(grant.room);
    // The room secret never leaves the server.
    expect(JSON.stringify(grant)).not.toContain(row.secret);
  });

  it("refuses with video_unavailable when no server answers", async () => {
    const performer = await createPerformer({ status: "online" });
    const allDown = new JanusVideoServer({ servers: [DOWN], adminSecret, roomAdminKey });
    const error = await allDown.createRoom(performer.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("video_unavailable");
    expect((error as AppError).status).toBe(503);
  });

  it("admits only users the site granted, and a private show's kick removes the others for good", async () => {
    const performer = await createPerformer({ status: "online" });
    await video.createRoom(performer.id);
    const kept = asJanus(await video.allowViewer(performer.id, { id: 101, display: "kept" }, "subscriber"));
    const other = asJanus(await video.allowViewer(performer.id, { id: 102, display: "other" }, "subscriber"));
    // A made-up token is refused.
    expect(await join({ ...other, token: "guess" }, other.id + 7)).toMatchObject({ error_code: 433 });
    expect(await join(kept)).toMatchObject({ videoroom: "joined", id: kept.id });
    expect(await join(other)).toMatchObject({ videoroom: "joined", id: other.id });

    await video.kickAllExcept(performer.id, [101]);
    const left = await participants(kept.room);
    expect(left).toContain(kept.id);
    expect(left).not.toContain(other.id);
    expect(await join(other, other.id + 1)).toMatchObject({ error_code: 433 });

    // The show ended: the site grants again.
    const back = asJanus(await video.allowViewer(performer.id, { id: 102, display: "other" }, "subscriber"));
    expect(await join(back, back.id + 2)).toMatchObject({ videoroom: "joined" });
  });

  it("says who is watching: a participant without a live subscriber connection is absent", async () => {
    const performer = await createPerformer({ status: "online" });
    await video.createRoom(performer.id);
    const viewer = asJanus(await video.allowViewer(performer.id, { id: 201, display: "v" }, "subscriber"));
    await join(viewer);
    expect(await video.presence(performer.id, [201, 202])).toEqual(new Map([[201, "absent"], [202, "absent"]]));
    const nobody = await createPerformer({ status: "online" });
    expect(await video.presence(nobody.id, [201])).toEqual(new Map([[201, "absent"]]));
  });

  it("says a viewer is present while their subscriber connection is up, and absent once it closes", async () => {
    // Loaded here: a native module, needed by this test only.
    const { default: wrtc } = await import("@roamhq/wrtc");
    const performer = await createPerformer({ status: "online" });
    const publisherGrant = asJanus(await video.allowViewer(performer.id, { id: performer.userId, display: "p" }, "publisher"));
    const source = new wrtc.nonstandard.RTCVideoSource();
    const track = source.createTrack();
    const frame = { width: 160, height: 120, data: new Uint8Array(160 * 120 * 1.5) };
    const frames = setInterval(() => source.onFrame(frame), 50);
    const publisherPc = new wrtc.RTCPeerConnection() as RTCPeerConnection;
    const subscriberPc = new wrtc.RTCPeerConnection() as RTCPeerConnection;
    const publisher = await handle();
    const member = await handle();
    const subscriber = await handle();
    try {
      publisherPc.addTransceiver(track, { direction: "sendonly" });
      await publisher.request({ request: "join", ptype: "publisher", room: publisherGrant.room, id: publisherGrant.id, token: publisherGrant.token });
      const answer = await publisher.request({ request: "publish", video: true }, await describeLocal(publisherPc, await publisherPc.createOffer()));
      await publisherPc.setRemoteDescription(answer.jsep!);

      const grant = asJanus(await video.allowViewer(performer.id, { id: 301, display: "v" }, "subscriber"));
      const joined = await member.request({ request: "join", ptype: "publisher", room: grant.room, id: grant.id, token: grant.token });
      expect(await video.presence(performer.id, [301])).toEqual(new Map([[301, "absent"]]));
      const offer = await subscriber.request({ request: "join", ptype: "subscriber", room: grant.room, private_id: joined.plugindata!.data.private_id, streams: [{ feed: grant.feed }] });
      await subscriberPc.setRemoteDescription(offer.jsep!);
      await subscriber.request({ request: "start" }, await describeLocal(subscriberPc, await subscriberPc.createAnswer()));
      await expect.poll(() => video.presence(performer.id, [301]).then((m) => m.get(301)), { timeout: 10_000 }).toBe("present");

      // The tab closes: its sessions end.
      subscriberPc.close();
      await subscriber.close();
      await member.close();
      await expect.poll(() => video.presence(performer.id, [301]).then((m) => m.get(301)), { timeout: 5_000 }).toBe("absent");
    } finally {
      clearInterval(frames);
      track.stop();
      publisherPc.close();
      subscriberPc.close();
      await publisher.close().catch(() => undefined);
    }
  });

  it("destroys the room when the performer goes offline or is disabled (wall-status sync)", async () => {
    const performer = await createPerformer({ status: "online" });
    const grant = asJanus(await video.allowViewer(performer.id, { id: performer.userId, display: "p" }, "publisher"));
    await syncVideoRoom(performer.id, video);
    expect(await prisma.videoRoom.count({ where: { performerId: performer.id } })).toBe(1);
    await prisma.performer.update({ where: { id: performer.id }, data: { disabled: true } });
    await syncVideoRoom(performer.id, video);
    expect(await prisma.videoRoom.count({ where: { performerId: performer.id } })).toBe(0);
    expect(await join({ ...grant })).toMatchObject({ error_code: 426 });
  });
});
