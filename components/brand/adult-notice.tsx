"use client";

import { useState } from "react";
import { ADULT_NOTICE_COOKIE } from "@/lib/brand/brand";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The optional 18+ notice: a modal until the visitor confirms, remembered per browser in a cookie. */
export function AdultNotice({ siteName }: { siteName: string }) {
  const [open, setOpen] = useState(true);
  const [left, setLeft] = useState(false);
  if (!open) return null;
  function enter() {
    document.cookie = `${ADULT_NOTICE_COOKIE}=1; Max-Age=${ONE_YEAR}; Path=/; SameSite=Lax`;
    setOpen(false);
  }
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/95 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby="adult-notice-title" className="max-w-md space-y-4 rounded-lg border border-slate-700 bg-slate-900 p-6 text-center" data-testid="adult-notice">
        <h2 id="adult-notice-title" className="text-xl font-bold">{siteName} is for adults</h2>
        <p className="text-sm text-slate-300">
          This site shows live video of adults. Enter only if you are 18 or older (or the age of majority where you live) and
          you agree to see such content.
        </p>
        {left ? (
          <p role="status" className="text-sm text-slate-300">You can close this tab now.</p>
        ) : (
          <div className="flex justify-center gap-3">
            <button type="button" autoFocus onClick={enter} className="rounded bg-pink-600 px-4 py-2 font-medium text-white hover:bg-pink-500">
              I am 18 or older — enter
            </button>
            <button type="button" onClick={() => setLeft(true)} className="rounded border border-slate-600 px-4 py-2 text-slate-100 hover:bg-slate-800">
              Leave
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
