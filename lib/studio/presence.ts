// A performer is online while their studio's camera is live: the studio says so every
// STUDIO_BEAT_MS, and the server takes a studio silent for STUDIO_SILENCE_MS offline (a closed or
// reloaded page, a crash, a dropped connection). Shared by the studio page and the server's sweep.

export const STUDIO_BEAT_MS = 5_000;
/** Three missed beats: slow networks survive it, viewers are not left waiting on a dead camera. */
export const STUDIO_SILENCE_MS = 15_000;
