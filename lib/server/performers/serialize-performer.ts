import "server-only";
import { loadEnv } from "@/lib/env";
import type { ApiPerformer } from "./get-performer";

/**
 * A performer as the chat API answers it (API.md "Performers"): `image` becomes an absolute URL on
 * the site's public origin (APP_URL), so a chat server on another host can load it. The site's own
 * pages keep the root-relative path.
 */
export function toApiPerformer<T extends ApiPerformer>(performer: T): T {
  return { ...performer, image: performer.image === null ? null : new URL(performer.image, loadEnv().APP_URL).href };
}
