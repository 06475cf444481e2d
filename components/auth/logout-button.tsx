"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

export function LogoutButton() {
  const router = useRouter();
  // next-auth would send the browser to APP_URL's host; the page's own origin is where the user is,
  // whatever APP_URL says. The refresh re-renders the header without the session.
  async function logOut() {
    await signOut({ redirect: false });
    router.replace("/");
    router.refresh();
  }
  return (
    <button type="button" onClick={() => void logOut()} className="text-sm text-slate-300 underline-offset-4 hover:underline">
      Log out
    </button>
  );
}
