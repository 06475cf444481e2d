/**
 * A random key for one user action (a confirmed tip), made in the browser. getRandomValues works on
 * plain http too, where crypto.randomUUID does not exist.
 */
export function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
