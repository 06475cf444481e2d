"use client";

import { useEffect, type RefObject } from "react";

/** How often the wall's live card gets a new snapshot of the camera. */
export const PREVIEW_EVERY_MS = 60_000;
const FIRST_AFTER_MS = 3_000;
const WIDTH = 320;

/**
 * While the camera is on, sends a small JPEG of the studio's preview to the site every minute, for
 * the wall's live card (stored and served like photos: viewers' browsers never reach the camera).
 */
export function usePreviewSnapshots(video: RefObject<HTMLVideoElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const send = async () => {
      const element = video.current;
      if (stopped || !element || element.videoWidth === 0) return;
      const canvas = document.createElement("canvas");
      canvas.width = WIDTH;
      canvas.height = Math.round((element.videoHeight / element.videoWidth) * WIDTH);
      canvas.getContext("2d")?.drawImage(element, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.7));
      if (!blob || stopped) return;
      await fetch("/api/studio/preview", { method: "POST", headers: { "content-type": "image/jpeg" }, body: blob }).catch(() => undefined);
    };
    const first = setTimeout(() => void send(), FIRST_AFTER_MS);
    const every = setInterval(() => void send(), PREVIEW_EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    };
  }, [video, active]);
}
