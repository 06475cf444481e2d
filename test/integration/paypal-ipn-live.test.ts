import { afterAll, describe, expect, it } from "vitest";
import { receiveIpn } from "@/lib/server/paypal/receive-ipn";
import { ipnBody, ipnFields, startFakePaypal } from "@/test/fakes/fake-paypal";
import { createViewer } from "@/test/helpers/factories";
import { createPack, creditsOf, expectLedgerMatchesBalances } from "@/test/helpers/paypal";

// PAYPAL_MODE=live: the environment is read once per process, so live mode has a test file of its own.
const fake = await startFakePaypal();
Object.assign(process.env, fake.env(), { PAYPAL_MODE: "live" });
afterAll(() => fake.close());

describe("in live mode", () => {
  it("refuses a sandbox IPN (test_ipn=1) and credits a live one", async () => {
    const [viewer, pack] = await Promise.all([createViewer(), createPack()]);
    const fields = { custom: String(viewer.id), item_number: String(pack.id) };
    const sandbox = await receiveIpn(ipnBody(ipnFields({ ...fields, test_ipn: "1" })));
    expect(sandbox).toMatchObject({ verification: "VERIFIED", outcome: "rejected", reason: expect.stringContaining("test_ipn") });
    expect(await creditsOf(viewer.id)).toBe(0);
    expect(await receiveIpn(ipnBody(ipnFields({ ...fields, test_ipn: undefined })))).toMatchObject({ outcome: "credited" });
    expect(await creditsOf(viewer.id)).toBe(600);
    await expectLedgerMatchesBalances();
  });
});
