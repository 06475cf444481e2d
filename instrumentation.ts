// Runs once when a Next.js server instance starts: refuse to serve with a broken environment, even
// when started without the launcher (`next start`), then start the timed work (ending shows whose
// heartbeats stopped, billing the private shows whose viewer the site sees present, "now live" e-mails).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("./lib/env");
  loadEnv();
  const { recordPeerAddresses } = await import("./lib/server/http/record-peer-address");
  recordPeerAddresses();
  const { startSweeper } = await import("./lib/server/maintenance/start-sweeper");
  startSweeper();
  const { startPresenceBilling } = await import("./lib/server/maintenance/start-presence-billing");
  startPresenceBilling();
  const { startLiveMailer } = await import("./lib/server/follows/start-live-mailer");
  startLiveMailer();
  const { startVideoSync } = await import("./lib/server/video/start-video-sync");
  startVideoSync();
}
