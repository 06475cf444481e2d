import { z } from "zod";

// Every variable the site reads, validated once. A missing or malformed one stops start-up with a
// message naming it (scripts/serve.ts and instrumentation.ts both call loadEnv before anything else).

const secret = z.string().min(32, "must be at least 32 characters");
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

// RTCIceServer as the browser takes it. TURN credentials here reach every viewer's browser: that is
// how WebRTC works, so use short-lived TURN credentials in production.
const ZIceServer = z.object({
  urls: z.union([z.string().regex(/^(stun|stuns|turn|turns):/, "must be a stun: or turn: URL"), z.array(z.string().regex(/^(stun|stuns|turn|turns):/, "must be a stun: or turn: URL")).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
const ZIceServersJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of ICE servers" });
      return z.NEVER;
    }
  })
  .pipe(z.array(ZIceServer).max(10));

const urlList = (protocol: RegExp, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((part) => part.trim()).filter(Boolean) : []),
    z.array(z.url({ protocol, error: message })).max(16),
  );

const ZEnvFields = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    AUTH_SECRET: secret,
    // Unset = http://localhost:PORT, so a site started on another port still links to itself.
    APP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    CHAT_API_SECRET: secret,
    CHAT_PROVIDER: z.enum(["builtin", "html5chat"]).default("builtin"),
    WEBMASTER_ID: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
    // html5-chat's JWT login service (configurable so tests can point it at a local fake).
    HTML5CHAT_JWT_URL: z.url({ protocol: /^https?$/ }).default("https://jwt.html5-chat.com"),
    // The webmaster's html5-chat password, sent only from the server inside the protected login.
    HTML5CHAT_PASSWORD: optionalText,
    // WebRTC ICE servers (STUN/TURN) for the built-in room's video, as a JSON array of RTCIceServer.
    ICE_SERVERS: z.preprocess((v) => (v === undefined || v === "" ? "[]" : v), ZIceServersJson),
    PAYPAL_MODE: z.enum(["sandbox", "live"]).default("sandbox"),
    PAYPAL_CLIENT_ID: optionalText,
    PAYPAL_CLIENT_SECRET: optionalText,
    PAYPAL_API_BASE: z.url().default("https://api-m.sandbox.paypal.com"),
    PAYPAL_IPN_VERIFY_URL: z.url().default("https://ipnpb.sandbox.paypal.com/cgi-bin/webscr"),
    PAYPAL_RECEIVER_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.email().optional()),
    PAYPAL_CURRENCY: z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter ISO currency code").default("USD"),
    EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    SEED_DEMO: bool.default(true),
    UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
    // Outgoing mail (password reset, e-mail verification, "now live" notices). Unset: no mail is sent,
    // and the pages that would send one say so.
    SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" }).optional()),
    // The sender address of those e-mails; the display name is the site name from the brand settings.
    MAIL_FROM: z.string().regex(/^[^@\s<>]+@[^@\s<>]+$/, "must be a plain e-mail address").default("no-reply@localhost"),
    // Serves the benchmark's no-op route (app/api/bench/noop); only `npm run bench` turns it on.
    BENCH_ROUTES: z.preprocess((v) => (v === "" ? undefined : v), bool.default(false)),
    // Video. Unset: peer to peer from the performer's browser (capped, see lib/video/modes.ts). Set:
    // Janus mode, one or more Janus HTTP API URLs the site's server calls (comma-separated); the other
    // lists name the same servers in the same order.
    VIDEO_SERVER: urlList(/^https?$/, "must be Janus HTTP API URLs (http://host:8088/janus), comma-separated"),
    // What browsers use to reach each of those servers: Janus WebSocket URLs (wss:// in production).
    VIDEO_PUBLIC_URLS: urlList(/^wss?$/, "must be Janus WebSocket URLs (wss://host/janus-ws), comma-separated"),
    // Each server's admin API (http://127.0.0.1:7088/admin), for presence and hang-ups.
    VIDEO_ADMIN_URLS: urlList(/^https?$/, "must be Janus admin API URLs (http://host:7088/admin), comma-separated"),
    // janus.jcfg's admin_secret and the VideoRoom plugin's admin_key (only the site may create rooms).
    VIDEO_ADMIN_SECRET: optionalText,
    VIDEO_ROOM_ADMIN_KEY: optionalText,
    // How many reverse proxies in front of the site append to X-Forwarded-For. 0 = none: the client is
    // the socket's peer and any X-Forwarded-For a client sends is ignored (it could name anyone).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Days an IPN message PayPal never verified is kept (for the admin to see), then deleted by the sweeper.
    IPN_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // IPN posts one client address may make per minute; the whole site takes ten times as many.
    IPN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  })
  .superRefine((env, ctx) => {
    const servers = env.VIDEO_SERVER.length;
    if (servers === 0) return;
    for (const key of ["VIDEO_PUBLIC_URLS", "VIDEO_ADMIN_URLS"] as const) {
      if (env[key].length !== servers) ctx.addIssue({ code: "custom", path: [key], message: `must list one URL per VIDEO_SERVER URL (${servers})` });
    }
    for (const key of ["VIDEO_ADMIN_SECRET", "VIDEO_ROOM_ADMIN_KEY"] as const) {
      if ((env[key]?.length ?? 0) < 16) ctx.addIssue({ code: "custom", path: [key], message: "must be set (16+ characters) when VIDEO_SERVER is set" });
    }
  });

export const ZEnv = ZEnvFields.transform((env) => ({ ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` }));

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
}

let cached: TEnv | undefined;

export function loadEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
