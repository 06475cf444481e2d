/** CSP directives as lists of sources; extend a list here (or through `extra`) when a feature needs a host. */
export type CspDirectives = Record<string, string[]>;

const PAYPAL = ["https://*.paypal.com", "https://*.paypalobjects.com"];
const HTML5CHAT = ["https://*.html5-chat.com"];

export type CspOptions = {
  /** Fresh per request: Next puts it on its own scripts; every other inline script is refused. */
  nonce: string;
  /** `next dev` needs eval for its debugging aids; production never does. */
  dev: boolean;
  /** The site's public URL (APP_URL): https turns on upgrade-insecure-requests. */
  appUrl: string;
  /** html5-chat's script host when configured (HTML5CHAT_JWT_URL), e.g. a local fake in tests. */
  chatScriptOrigin?: string;
  /** More sources per directive, e.g. `{ "connect-src": ["wss://media.example.com"] }` for a media server. */
  extra?: CspDirectives;
};

/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce, or when a
 * nonce'd script adds them ('strict-dynamic': Next's chunks, the PayPal SDK and the html5-chat script
 * are inserted that way), so no inline script an attacker injects runs. Styles keep 'unsafe-inline':
 * React style attributes, the charts and the admin's custom CSS are inline, and styles cannot run code.
 */
export function contentSecurityPolicy({ nonce, dev, appUrl, chatScriptOrigin, extra = {} }: CspOptions): string {
  const chat = [...HTML5CHAT, ...(chatScriptOrigin ? [chatScriptOrigin] : [])];
  const directives: CspDirectives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...PAYPAL, ...chat, ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...PAYPAL, ...chat],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...PAYPAL, ...chat, "wss://*.html5-chat.com"],
    "frame-src": ["'self'", ...PAYPAL, ...chat],
    "form-action": ["'self'", ...PAYPAL],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  for (const [name, sources] of Object.entries(extra)) directives[name] = [...(directives[name] ?? []), ...sources];
  const parts = Object.entries(directives).map(([name, sources]) => `${name} ${[...new Set(sources)].join(" ")}`);
  if (appUrl.startsWith("https://")) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

/** HSTS only when the site is served over https: over http a browser ignores it, and it would be a lie. */
export function strictTransportSecurity(appUrl: string): string | undefined {
  return appUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : undefined;
}
