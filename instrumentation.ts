// Runs once when a Next.js server instance starts: refuse to serve with a broken environment, even
// when started without the launcher (`next start`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("./lib/env");
  loadEnv();
}
