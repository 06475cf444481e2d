import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { loadEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/http/safe-callback-path";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an open redirect after login would be a phishing aid.
  const target = safeCallbackPath(callbackUrl, loadEnv().APP_URL);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">Log in</h1>
      <LoginForm callbackUrl={target} />
    </div>
  );
}
