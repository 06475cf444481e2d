import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getLiveNoticeFeed, type LiveNotice } from "@/lib/server/follows/live-notice-feed";
import { mailFollowersLive } from "@/lib/server/follows/mail-followers-live";
import { PERFORMER_LIVE_CHANNEL } from "@/lib/server/follows/notify-followers-live";
import { setFollow } from "@/lib/server/follows/set-follow";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { startSmtpSink, type SmtpSink } from "@/test/fakes/smtp-sink";
import { createPerformer, createViewer } from "@/test/helpers/factories";
import { sleep, waitFor } from "@/test/helpers/realtime";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(() => sink.close());

async function follower(options: { verified: boolean }) {
  const viewer = await createViewer();
  return prisma.user.update({ where: { id: viewer.id }, data: { emailVerifiedAt: options.verified ? new Date() : null } });
}

describe("a followed performer going live", () => {
  it("is announced once per offline → online transition, inside its transaction", async () => {
    const performer = await createPerformer({ status: "offline" });
    const heard: unknown[] = [];
    const stop = await getRealtimeHub().subscribe(PERFORMER_LIVE_CHANNEL, (m) => heard.push(m));
    try {
      await setPerformerStatus({ performerId: performer.id, status: "online" });
      await setPerformerStatus({ performerId: performer.id, status: "online" });
      await waitFor(() => heard.length > 0, "performer_live");
      await sleep(200);
      expect(heard.filter((m) => (m as { performerId: number }).performerId === performer.id)).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it("reaches the open pages of followers only", async () => {
    const performer = await createPerformer({ status: "offline" });
    const [fan, stranger] = await Promise.all([follower({ verified: false }), follower({ verified: false })]);
    await setFollow({ userId: fan.id, performerId: performer.id, follow: true });
    const got = new Map<number, LiveNotice[]>([[fan.id, []], [stranger.id, []]]);
    const stops = await Promise.all([fan.id, stranger.id].map((id) => getLiveNoticeFeed().follow(id, (n) => got.get(id)!.push(n))));
    try {
      await setPerformerStatus({ performerId: performer.id, status: "online" });
      await waitFor(() => got.get(fan.id)!.length > 0, "the fan's notice");
      await sleep(200);
      expect(got.get(fan.id)).toEqual([{ performerId: performer.id, slug: performer.slug, displayName: performer.displayName }]);
      expect(got.get(stranger.id)).toEqual([]);
    } finally {
      for (const stop of stops) stop();
    }
  });

  it("e-mails confirmed followers exactly once even when every instance hears it, and not again within hours", async () => {
    const performer = await createPerformer({ status: "online" });
    const [confirmed, unconfirmed] = await Promise.all([follower({ verified: true }), follower({ verified: false })]);
    for (const user of [confirmed, unconfirmed]) await setFollow({ userId: user.id, performerId: performer.id, follow: true });
    const claimed = await Promise.all([1, 2, 3].map(() => mailFollowersLive({ performerId: performer.id })));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
    const mail = await sink.waitFor((m) => m.to.includes(confirmed.email));
    expect(mail.subject).toBe(`${performer.displayName} is live now`);
    expect(mail.text).toContain(`/performers/${performer.slug}`);
    expect(await mailFollowersLive({ performerId: performer.id })).toBe(0);
    await sleep(200);
    expect(sink.mails.filter((m) => m.to.includes(unconfirmed.email))).toEqual([]);
    expect(sink.mails.filter((m) => m.to.includes(confirmed.email))).toHaveLength(1);
  });
});
