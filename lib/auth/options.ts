import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { clientAddress } from "@/lib/http/client-address";
import { usesSecureCookies } from "./secure-cookies";
import { safeCallbackPath } from "@/lib/http/safe-callback-path";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { verifyLogin } from "@/lib/server/auth/verify-login";
import { ZLogin } from "@/lib/validations/auth";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; name: string; email: string; sessionVersion: number };
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    /** The user's session version at sign-in; a sign-out bumps the user's, and this token is refused. */
    sv: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  // A getter, read per request from the raw variable (lib/env.ts validated it at start-up): pages are
  // prerendered at build time without the environment, and only https matters here.
  get useSecureCookies() {
    return usesSecureCookies(process.env.APP_URL ?? "");
  },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZLogin.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your e-mail and password.");
        try {
          const address = clientAddress(req.headers ?? {}, loadEnv().TRUSTED_PROXY_HOPS);
          const user = await verifyLogin({ ...parsed.data, clientAddress: address });
          return { id: String(user.id), email: user.email, name: user.username, role: user.role, sessionVersion: user.sessionVersion };
        } catch (error) {
          // next-auth shows an Error's message to the user; only our own refusals carry one.
          throw new Error(error instanceof AppError ? error.message : "Sign-in failed. Try again.");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "", sessionVersion: token.sv };
      return session;
    },
    // Only paths of this site, whatever callbackUrl a link carried.
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
    },
  },
  events: {
    async signOut({ token }) {
      if (Number.isInteger(token?.uid)) await revokeSessions(token.uid);
    },
  },
};
