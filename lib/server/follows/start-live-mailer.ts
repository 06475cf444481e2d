import "server-only";
import { mailEnabled } from "@/lib/server/mail/send-mail";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { mailFollowersLive } from "./mail-followers-live";
import { PERFORMER_LIVE_CHANNEL, type PerformerLiveEvent } from "./notify-followers-live";

/** On every instance (instrumentation.ts) when mail is configured: "now live" e-mails to followers. */
export function startLiveMailer(): void {
  if (!mailEnabled()) return;
  void getRealtimeHub()
    .subscribe(PERFORMER_LIVE_CHANNEL, (message) => {
      mailFollowersLive(message as PerformerLiveEvent).catch((error: unknown) => console.error("now-live e-mails failed", error));
    })
    .catch((error: unknown) => console.error("now-live mailer did not start", error));
}
