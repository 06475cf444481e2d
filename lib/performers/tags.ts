// Performer tags: what the wall's tag filter and the studio/admin forms agree on.

export const MAX_TAGS = 8;
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,23}$/;

/** "Blonde, cosplay ,  Dance" → ["blonde", "cosplay", "dance"]: lower case, spaces become dashes, no duplicates. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, "-"))
    .filter((t) => t.length > 0);
  return [...new Set(tags)];
}

/** Why a tag list cannot be saved, or null. */
export function tagsProblem(tags: string[]): string | null {
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  const bad = tags.find((t) => !TAG_PATTERN.test(t));
  return bad ? `“${bad}” is not a tag: letters, digits and dashes, up to 24 characters.` : null;
}
