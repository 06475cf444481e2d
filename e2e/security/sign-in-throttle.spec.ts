import { expect, test, type APIRequestContext } from "@playwright/test";

// next-auth's credentials sign-in as the login form posts it; the answer names the refusal in its URL.
async function signIn(api: APIRequestContext, email: string, password: string, headers: Record<string, string>): Promise<string> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "signed in";
}

// An unknown e-mail (answered exactly like a known one): every e2e client shares the loopback address,
// and throttling a demo account's pair here would slow the other specs down.
test("guesses are counted per connection address: a forged X-Forwarded-For per guess does not reset the count", async ({ playwright, baseURL }) => {
  const attacker = await playwright.request.newContext({ baseURL });
  const email = `nobody-${Date.now()}@example.org`;
  try {
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) answers.push(await signIn(attacker, email, `guess-${i}`, { "x-forwarded-for": `198.51.100.${i}` }));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("Wrong e-mail or password."));
    expect(answers.at(-1)).toMatch(/^Too many failed sign-in attempts from your network\. Try again in \d+ minutes?\.$/);
  } finally {
    await attacker.dispose();
  }
});
