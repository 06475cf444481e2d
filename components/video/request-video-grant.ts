import type { VideoGrant } from "@/lib/video/grant";

export type GrantResult = { ok: true; grant: VideoGrant } | { ok: false; waiting: boolean; message: string };

/** Asks the site for permission to send or watch the room's video (POST /api/rooms/[slug]/video). */
export async function requestVideoGrant(slug: string): Promise<GrantResult> {
  try {
    const response = await fetch(`/api/rooms/${encodeURIComponent(slug)}/video`, { method: "POST" });
    const body = (await response.json().catch(() => null)) as (VideoGrant & { error?: { message?: string } }) | null;
    if (response.ok && body) return { ok: true, grant: body };
    // 409: the performer's camera is not on yet.
    return { ok: false, waiting: response.status === 409, message: body?.error?.message ?? "The video is not available right now." };
  } catch {
    return { ok: false, waiting: false, message: "The site could not be reached. Check your connection." };
  }
}
