import { describe, expect, it } from "vitest";
import { signUpViewer } from "@/lib/server/auth/sign-up";
import { verifyLogin, WRONG_CREDENTIALS } from "@/lib/server/auth/verify-login";

const OWNER_ADDRESS = "198.51.100.7";
const ATTACKER = "203.0.113.9";
const account = (n: string) => ({ email: `${n}@test.local`, username: n, password: "correct-horse", gender: "other" as const });
const attempt = (email: string, password: string, clientAddress: string) =>
  verifyLogin({ email, password, clientAddress }).then(
    () => "signed in",
    (error: Error) => error.message,
  );
const THROTTLED = /^Too many failed sign-in attempts from your network\. Try again in \d+ minutes?\.$/;

describe("sign-in throttling per (address, account) and per address", () => {
  it("never lets a stranger lock the owner out: the attacker's address is throttled, the owner signs in from theirs", async () => {
    await signUpViewer(account("owner1"));
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await attempt("owner1@test.local", `guess-${i}`, ATTACKER));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill(WRONG_CREDENTIALS));
    for (const answer of answers.slice(5)) expect(answer).toMatch(THROTTLED);
    // Even the right password from the attacker's address waits: a throttled pair is not checked at all.
    expect(await attempt("owner1@test.local", "correct-horse", ATTACKER)).toMatch(THROTTLED);
    expect(await attempt("owner1@test.local", "correct-horse", OWNER_ADDRESS)).toBe("signed in");
  });

  it("answers known and unknown e-mails the same way, lock message included", async () => {
    await signUpViewer(account("known1"));
    const known = [];
    const unknown = [];
    for (let i = 0; i < 7; i++) {
      known.push(await attempt("known1@test.local", "wrong", "192.0.2.10"));
      unknown.push(await attempt("nobody-here@test.local", "wrong", "192.0.2.11"));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(THROTTLED);
  });

  it("takes about as long for an unknown e-mail as for a wrong password", async () => {
    await signUpViewer(account("timing1"));
    const time = async (email: string, address: string) => {
      const started = performance.now();
      await attempt(email, "wrong", address);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time("timing1@test.local", `192.0.2.${20 + i}`));
      unknown.push(await time(`nobody${i}@test.local`, `192.0.2.${30 + i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("counts parallel guesses one by one: no more than the limit reach the password check", async () => {
    await signUpViewer(account("parallel1"));
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => attempt("parallel1@test.local", `p-${i}`, "192.0.2.50")));
    expect(answers.filter((a) => a === WRONG_CREDENTIALS)).toHaveLength(5);
    expect(answers.filter((a) => THROTTLED.test(a))).toHaveLength(10);
  });

  it("caps one address spraying many accounts, without touching other addresses", async () => {
    await signUpViewer(account("spray1"));
    const answers = [];
    for (let i = 0; i < 52; i++) answers.push(await attempt(`target${i}@test.local`, "wrong", "192.0.2.60"));
    expect(answers.slice(0, 50)).toEqual(Array(50).fill(WRONG_CREDENTIALS));
    expect(answers.at(-1)).toMatch(THROTTLED);
    expect(await attempt("spray1@test.local", "correct-horse", "192.0.2.60")).toMatch(THROTTLED);
    expect(await attempt("spray1@test.local", "correct-horse", "192.0.2.61")).toBe("signed in");
  });

  it("forgives the owner's typos once the password is right", async () => {
    await signUpViewer(account("typo1"));
    for (let i = 0; i < 4; i++) expect(await attempt("typo1@test.local", "typo", OWNER_ADDRESS)).toBe(WRONG_CREDENTIALS);
    expect(await attempt("typo1@test.local", "correct-horse", OWNER_ADDRESS)).toBe("signed in");
    for (let i = 0; i < 5; i++) expect(await attempt("typo1@test.local", "typo", OWNER_ADDRESS)).toBe(WRONG_CREDENTIALS);
  });
});
