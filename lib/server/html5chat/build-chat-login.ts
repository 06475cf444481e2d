import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";

export type Html5ChatUser = {
  id: number;
  username: string;
  gender: string;
  role: Role;
  /** Site-relative or absolute URL of the user's picture. */
  image: string | null;
  /** Site-relative or absolute URL of the user's public page. */
  profile: string;
};

export type BuildChatLoginOptions = {
  /** HTML5CHAT_JWT_URL, e.g. https://jwt.html5-chat.com */
  baseUrl: string;
  webmasterId: number | undefined;
  /** The webmaster's chat password (HTML5CHAT_PASSWORD): it never leaves the server in clear. */
  password: string | undefined;
  /** APP_URL: image and profile must be absolute for the chat. */
  appUrl: string;
  user: Html5ChatUser;
  /** The room the chat opens in: the performer's slug. */
  startRoom: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

export type ChatLogin = { ok: true; scriptUrl: string } | { ok: false; message: string };

/** html5-chat's roles: a viewer is a `user`, a performer needs the chat's `performer` role. */
const CHAT_ROLE: Record<Role, string> = { viewer: "user", performer: "performer", admin: "admin" };
/** What the protect service answers: an opaque token, placed in a URL path, so nothing else is accepted. */
const TOKEN = /^[A-Za-z0-9._~+/=-]{1,8192}$/;

/**
 * html5-chat's JWT login, done on the server as in html5-chat's own example: the user's details and
 * the chat password as JSON → base64 → GET `<jwt>/protect/<base64>` answers an encoded token → the
 * page embeds `<script src="<jwt>/script/<webmasterid>/<token>">`. The browser only ever sees the
 * token, never the password. Any failure answers a message for the page instead of throwing, so the
 * room still works (tips, private show) when the chat service does not.
 */
export async function buildChatLogin(options: BuildChatLoginOptions): Promise<ChatLogin> {
  const { baseUrl, webmasterId, password, appUrl, user, startRoom } = options;
  if (!webmasterId || !password) {
    return { ok: false, message: "The chat is not set up on this site yet (html5-chat webmaster id and password)." };
  }
  const base = baseUrl.replace(/\/+$/, "");
  const login = {
    id: user.id,
    username: user.username,
    password,
    // html5-chat knows male and female; anything else is sent as given.
    gender: user.gender === "male" || user.gender === "female" ? user.gender : "other",
    role: CHAT_ROLE[user.role],
    image: user.image ? absolute(user.image, appUrl) : "",
    profile: absolute(user.profile, appUrl),
    startRoom,
  };
  const encoded = Buffer.from(JSON.stringify(login), "utf8").toString("base64");
  try {
    const response = await (options.fetchImpl ?? fetch)(`${base}/protect/${encoded}`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      cache: "no-store",
    });
    const token = (await response.text()).trim();
    if (!response.ok) throw new Error(`protect answered HTTP ${response.status}`);
    if (!TOKEN.test(token)) throw new Error("protect answered something that is not a token");
    return { ok: true, scriptUrl: `${base}/script/${webmasterId}/${token}` };
  } catch (error) {
    console.error("[html5chat] login failed:", error instanceof Error ? error.message : error);
    return { ok: false, message: "The chat could not be loaded right now. Tips and private shows still work; try reloading in a minute." };
  }
}

function absolute(path: string, appUrl: string): string {
  return new URL(path, appUrl).toString();
}
