"use client";

import { signOut } from "next-auth/react";

export function LogoutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="text-sm text-slate-300 underline-offset-4 hover:underline">
      Log out
    </button>
  );
}
