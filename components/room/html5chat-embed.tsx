"use client";

import { useEffect, useRef, useState } from "react";

/**
 * html5-chat's script, added inside this box (so the chat renders here, on a first load and after a
 * client-side navigation alike). The URL carries only the encoded login token the server obtained.
 */
export function Html5ChatEmbed({ scriptUrl }: { scriptUrl: string }) {
  // The first login holds for the page's life: a server refresh (after a show, for the balance)
  // brings a new token, which must not reload the chat.
  const [src] = useState(scriptUrl);
  const boxRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onerror = () => setFailed(true);
    box.appendChild(script);
    return () => {
      box.replaceChildren();
    };
  }, [src]);
  return (
    <div className="h-full w-full">
      <div ref={boxRef} data-testid="html5chat" className="h-full w-full" />
      {failed && <p role="alert" className="p-4 text-center text-slate-200">The chat could not be loaded. Check your connection and reload the page.</p>}
    </div>
  );
}
