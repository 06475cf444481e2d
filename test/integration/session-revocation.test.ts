import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";

// getCurrentUser reads the session through next-auth; here the "cookie" is whatever the test says.
const cookie = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<object>()), getServerSession: async () => cookie.session }));

const { authOptions } = await import("@/lib/auth/options");
const { getCurrentUser } = await import("@/lib/server/auth/current-user");
const { signUpViewer } = await import("@/lib/server/auth/sign-up");
const { verifyLogin } = await import("@/lib/server/auth/verify-login");

// What next-auth builds from a fresh sign-in: authorize → jwt callback → session callback.
async function signIn(email: string) {
  const user = await verifyLogin({ email, password: "correct-horse", clientAddress: "192.0.2.1" });
  const jwt = authOptions.callbacks!.jwt!;
  const token = await jwt({ token: { email, name: user.username } as JWT, user: { id: String(user.id), email, name: user.username, role: user.role, sessionVersion: user.sessionVersion }, account: null, trigger: "signIn" });
  const session = await authOptions.callbacks!.session!({ session: { expires: "" } as Session, token, user: undefined as never, newSession: undefined, trigger: "update" });
  return { token, session: session as Session };
}

beforeEach(() => {
  cookie.session = null;
});

describe("sign-out revokes the session on the server", () => {
  it("refuses a copied cookie replayed after sign-out, and a new sign-in works again", async () => {
    const { id } = await signUpViewer({ email: "rev1@test.local", username: "rev1", password: "correct-horse", gender: "other" });
    const stolen = await signIn("rev1@test.local");
    cookie.session = stolen.session;
    expect(await getCurrentUser()).toMatchObject({ id });

    await authOptions.events?.signOut?.({ token: stolen.token, session: stolen.session });
    cookie.session = stolen.session;
    expect(await getCurrentUser()).toBeNull();

    cookie.session = (await signIn("rev1@test.local")).session;
    expect(await getCurrentUser()).toMatchObject({ id });
  });

  it("refuses a token without a session version (issued before versions existed)", async () => {
    const { id } = await signUpViewer({ email: "rev2@test.local", username: "rev2", password: "correct-horse", gender: "other" });
    cookie.session = { user: { id, role: "viewer", name: "rev2", email: "rev2@test.local" }, expires: "" };
    expect(await getCurrentUser()).toBeNull();
  });
});
