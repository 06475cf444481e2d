import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyLogin } from "@/lib/server/auth/verify-login";
import { ZLogin } from "@/lib/validations/auth";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; name: string; email: string };
  }
  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = ZLogin.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your e-mail and password.");
        try {
          const user = await verifyLogin(parsed.data);
          return { id: String(user.id), email: user.email, name: user.username, role: user.role };
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
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
      return session;
    },
  },
};
