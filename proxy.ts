import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { ruleFor } from "@/lib/auth/route-rules";

// First line of defence only: anonymous users go to /login, wrong roles get the 403 page.
export async function proxy(request: NextRequest) {
  const rule = ruleFor(request.nextUrl.pathname);
  if (!rule) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET });
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (!rule.roles.includes(token.role)) {
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin/:path*", "/studio/:path*", "/account/:path*"] };
