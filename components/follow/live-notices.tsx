"use client";

import Link from "next/link";
import { useState } from "react";
import { useEventSource } from "@/components/realtime/use-event-source";

type LiveNotice = { performerId: number; slug: string; displayName: string };
type NoticeEvents = { live: LiveNotice };

const EVENTS = ["live"] as const;
const SHOW_MS = 20_000;

/** "X is live now" on any page of the site, for the performers a signed-in viewer follows. */
export function LiveNotices() {
  const [notices, setNotices] = useState<LiveNotice[]>([]);
  const dismiss = (performerId: number) => setNotices((list) => list.filter((n) => n.performerId !== performerId));
  useEventSource<NoticeEvents>("/api/events/notices", EVENTS, {
    live: (notice) => {
      setNotices((list) => [...list.filter((n) => n.performerId !== notice.performerId), notice].slice(-3));
      setTimeout(() => dismiss(notice.performerId), SHOW_MS);
    },
  });
  if (notices.length === 0) return null;
  return (
    <div className="fixed bottom-20 right-4 z-40 space-y-2 sm:bottom-4" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.performerId} role="status" data-testid="live-notice" className="flex items-center gap-3 rounded-lg border border-pink-700 bg-slate-900 px-4 py-3 shadow-lg">
          <span className="text-sm"><strong>{notice.displayName}</strong> is live now</span>
          <Link href={`/performers/${notice.slug}`} className="rounded bg-pink-600 px-3 py-1 text-sm font-medium text-white hover:bg-pink-500" onClick={() => dismiss(notice.performerId)}>
            Watch
          </Link>
          <button type="button" onClick={() => dismiss(notice.performerId)} aria-label={`Dismiss the notice about ${notice.displayName}`} className="text-slate-400 hover:text-slate-100">×</button>
        </div>
      ))}
    </div>
  );
}
