import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { ruleFor } from "@/lib/auth/route-rules";
import { usesSecureCookies } from "@/lib/auth/secure-cookies";
import { loadEnv, type TEnv } from "@/lib/env";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/content-security-policy";
import { errorBody } from "@/lib/http/error-response";
import { screenRequest } from "@/lib/http/screen-request";

// Every page passes here: a fresh CSP nonce (Next puts it on its own scripts while rendering), the
// per-request security headers, a refusal of cross-site server-action posts, and — first line of
// defence only — anonymous users to /login and wrong roles to the 403 page.
export async function proxy(request: NextRequest) {
  // Requests Next would answer with a 500 before our code runs (malformed paths, bad action bodies).
  const refused = await screenRequest(request);
  if (refused) return refused;
  const env = loadEnv();
  if (isCrossSitePost(request, env)) {
    return NextResponse.json(errorBody("forbidden", "Cross-site form posts are refused."), { status: 403 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    appUrl: env.APP_URL,
    chatScriptOrigin: new URL(env.HTML5CHAT_JWT_URL).origin,
    // Janus mode: browsers talk to the media servers' WebSocket API directly.
    extra: { "connect-src": env.VIDEO_PUBLIC_URLS.map((url) => new URL(url).origin) },
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = await authorize(request, requestHeaders, env);
  response.headers.set("content-security-policy", csp);
  const hsts = strictTransportSecurity(env.APP_URL);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

async function authorize(request: NextRequest, requestHeaders: Headers, env: TEnv): Promise<NextResponse> {
  const rule = ruleFor(request.nextUrl.pathname);
  if (!rule) return NextResponse.next({ request: { headers: requestHeaders } });
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: usesSecureCookies(env.APP_URL) });
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (!rule.roles.includes(token.role)) {
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403, request: { headers: requestHeaders } });
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

// Server actions are POSTs to pages. Next refuses one whose Origin is not this host, but answers 500;
// a 403 here says what happened. Same rule as Next's: the Origin's host must be the request's (or
// forwarded) host or APP_URL's; a POST without Origin (not from a browser) goes on to Next.
function isCrossSitePost(request: NextRequest, env: TEnv): boolean {
  const origin = request.headers.get("origin");
  if (request.method !== "POST" || origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const hosts = [request.headers.get("x-forwarded-host"), request.headers.get("host"), new URL(env.APP_URL).host];
  return !hosts.includes(originHost);
}

export const config = {
  // Pages only: API routes answer JSON (their headers come from next.config.js), static files need no CSP.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|uploads/).*)"],
};
