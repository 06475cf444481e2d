import type { VideoStatus } from "@/lib/server/video/get-video-status";

/** The admin dashboard's video line: the mode, its limit in peer-to-peer mode, each media server's state. */
export function VideoStatusPanel({ status }: { status: VideoStatus }) {
  return (
    <section aria-labelledby="video-title" data-testid="video-status" className="space-y-2 rounded-lg border border-slate-800 p-4">
      <h2 id="video-title" className="text-lg font-semibold">Video</h2>
      {status.mode === "p2p" ? (
        <p className="text-sm text-slate-300">
          Peer to peer: each performer&apos;s browser uploads one copy of the camera per viewer, so a room sends video to at most {status.maxViewers} viewers
          and tells the others it is full. For real audiences, run Janus and set <code>VIDEO_SERVER</code> (see the README, &quot;Video with Janus&quot;).
        </p>
      ) : (
        <ul className="space-y-1 text-sm">
          {status.servers.map((server) => (
            <li key={server.url}>
              <span className={server.up ? "text-green-300" : "text-red-300"}>{server.up ? "Up" : "Down"}</span> {server.url} — {server.rooms}{" "}
              {server.rooms === 1 ? "live room" : "live rooms"}
              {!server.up && " (gets no new rooms until it answers again)"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
