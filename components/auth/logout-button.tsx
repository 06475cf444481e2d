"use client";

import { signOut } from "next-auth/react";

export function LogoutButton() {
  // next-auth would send the browser to APP_URL's host; the page's own origin is where the user is,
  // whatever APP_URL says. A full load of the wall, not a client-side refresh: a soft navigation to
  // the page already shown could render it from the router's cache, still signed in.
  async function logOut() {
    await signOut({ redirect: false });
    window.location.replace("/");
  }
  return (
    <button type="button" onClick={() => void logOut()} className="text-sm text-slate-300 underline-offset-4 hover:underline">
      Log out
    </button>
  );
}
