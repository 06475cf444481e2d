import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { receiveIpn } from "@/lib/server/paypal/receive-ipn";
import { retryUnfinishedIpn } from "@/lib/server/paypal/retry-unfinished-ipn";
import { ipnBody, ipnFields, paypalId, startFakePaypal } from "@/test/fakes/fake-paypal";
import { createViewer } from "@/test/helpers/factories";
import { createPack, creditsOf } from "@/test/helpers/paypal";

const fake = await startFakePaypal();
Object.assign(process.env, fake.env(), { PAYPAL_MODE: "sandbox" });
afterAll(() => fake.close());

describe("an IPN whose verification failed", () => {
  it("is retried later, by one sweep at a time, and credited once", async () => {
    const [viewer, pack] = await Promise.all([createViewer(), createPack()]);
    const txnId = paypalId();
    fake.setIpnVerdict("ERROR");
    const first = await receiveIpn(ipnBody(ipnFields({ txn_id: txnId, custom: String(viewer.id), item_number: String(pack.id) })));
    expect(first.outcome).toBe("error");
    expect(await creditsOf(viewer.id)).toBe(0);

    fake.setIpnVerdict("VERIFIED");
    expect(await retryUnfinishedIpn()).toBe(0);
    const later = new Date(Date.now() + 3 * 60 * 1000);
    const retried = await Promise.all([retryUnfinishedIpn({ now: later }), retryUnfinishedIpn({ now: later })]);
    expect(retried.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await creditsOf(viewer.id)).toBe(pack.seconds);
    expect(await prisma.paypalMessage.findUniqueOrThrow({ where: { id: first.messageId } })).toMatchObject({ verification: "VERIFIED", outcome: "credited" });
    expect(await retryUnfinishedIpn({ now: later })).toBe(0);
  });

  it("backs off between attempts while PayPal stays unreachable", async () => {
    const [viewer, pack] = await Promise.all([createViewer(), createPack()]);
    fake.setIpnVerdict("ERROR");
    const { messageId } = await receiveIpn(ipnBody(ipnFields({ txn_id: paypalId(), custom: String(viewer.id), item_number: String(pack.id) })));
    const at = (minutes: number) => new Date(Date.now() + minutes * 60 * 1000);
    expect(await retryUnfinishedIpn({ now: at(3) })).toBe(1);
    expect(await retryUnfinishedIpn({ now: at(4) })).toBe(0);
    expect(await retryUnfinishedIpn({ now: at(6) })).toBe(1);
    expect(await prisma.paypalMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ attempts: 2, outcome: "error" });
    expect(await creditsOf(viewer.id)).toBe(0);
    fake.setIpnVerdict("VERIFIED");
  });
});
