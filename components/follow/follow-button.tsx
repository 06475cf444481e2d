"use client";

import { useState, useTransition } from "react";
import { setFollowAction } from "@/app/performers/[slug]/actions";

/** Follow / Following toggle for a signed-in viewer; the wall's "Following" filter and live notices use it. */
export function FollowButton({ performerId, displayName, initial }: { performerId: number; displayName: string; initial: boolean }) {
  const [following, setFollowing] = useState(initial);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  function toggle() {
    startTransition(async () => {
      const result = await setFollowAction({ performerId, follow: !following });
      if (result.ok) {
        setFollowing(result.data.following);
        setError(undefined);
      } else setError(result.message);
    });
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button" onClick={toggle} disabled={pending} aria-pressed={following} data-testid="follow-button"
        aria-label={following ? `Unfollow ${displayName}` : `Follow ${displayName}`}
        className={`rounded-full px-3 py-1 text-sm font-medium disabled:opacity-60 ${following ? "bg-slate-700 text-slate-100 hover:bg-slate-600" : "bg-pink-600 text-white hover:bg-pink-500"}`}
      >
        {following ? "♥ Following" : "♡ Follow"}
      </button>
      {error && <span role="alert" className="text-xs text-red-300">{error}</span>}
    </span>
  );
}
