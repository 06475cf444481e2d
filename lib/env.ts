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

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  AUTH_SECRET: secret,
  APP_URL: z.url().default("http://localhost:3000"),
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
  // Days an IPN message PayPal never verified is kept (for the admin to see), then deleted by the sweeper.
  IPN_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // IPN posts one client address may make per minute; the whole site takes ten times as many.
  IPN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
});

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
