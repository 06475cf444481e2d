import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { purgeIdempotencyRecords, withIdempotency } from "@/lib/server/chat-api/idempotency";
import { requestFingerprint } from "@/lib/server/chat-api/idempotency-key";
import { api, call, dispatch, V1 } from "@/test/helpers/chat-api";
import { createPerformer, createViewer, ledgerSum } from "@/test/helpers/factories";

// Idempotency-Key semantics of API.md through the route handlers: a replay returns the first
// answer byte for byte with no second effect, a different request with the key gets 409, and
// concurrency, faults and crashed owners behave as lib/server/chat-api/idempotency.ts documents.

// A fault in either path of a tip: the hot path's one write and the ordinary transaction.
const fault = vi.hoisted(() => {
  const state = { failNextTips: 0 };
  const failing = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    if (state.failNextTips > 0) {
      state.failNextTips -= 1;
      throw new Error('relation "ppv_tips" SELECT * FROM secret_table: simulated fault');
    }
    return run(...args);
  };
  return Object.assign(state, { failing });
});

vi.mock("@/lib/server/tips/send-tip-hot", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/tips/send-tip-hot")>();
  return { ...original, sendTipHot: fault.failing(original.sendTipHot) };
});

vi.mock("@/lib/server/tips/send-tip", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/tips/send-tip")>();
  return { ...original, sendTip: fault.failing(original.sendTip) };
});

type Sent = { status: number; text: string; replayed: boolean };

async function post(path: string, body: unknown, key: string, timestamp?: number): Promise<Sent> {
  const response = await dispatch(api.buildRequest("POST", `${V1}${path}`, body, { idempotencyKey: key, timestamp }));
  return { status: response.status, text: await response.text(), replayed: response.headers.get("idempotent-replayed") === "true" };
}

const uniqueKey = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;

async function tipSetup(credits = 1000) {
  const viewer = await createViewer({ credits });
  const performer = await createPerformer();
  return { viewer, performer, body: { userId: viewer.id, performerId: performer.id, credits: 10 } };
}

describe("chat API idempotency", () => {
  it("replays the first answer byte for byte, with no second effect, even signed later", async () => {
    const { viewer, body } = await tipSetup();
    const key = uniqueKey("tip");
    const first = await post("/tips", body, key);
    const again = await post("/tips", body, key, Math.floor(Date.now() / 1000) + 60);
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await ledgerSum(viewer.id)).toBe(990);
    const record = await prisma.idempotencyRecord.findUniqueOrThrow({ where: { key } });
    expect(record).toMatchObject({ status: 201, body: first.text });
    expect(record.completedAt).not.toBeNull();
  });

  it("refuses a captured signed tip resent with a new Idempotency-Key (the key is signed)", async () => {
    const { viewer, body } = await tipSetup();
    const captured = api.buildRequest("POST", `${V1}/tips`, body, { idempotencyKey: uniqueKey("captured") });
    const headers = Object.fromEntries(captured.headers);
    const text = await captured.text();
    expect((await dispatch(new Request(captured.url, { method: "POST", headers, body: text }))).status).toBe(201);
    for (let i = 0; i < 3; i += 1) {
      const replay = await dispatch(new Request(captured.url, { method: "POST", headers: { ...headers, "idempotency-key": uniqueKey("replay") }, body: text }));
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: { code: string } }).error.code).toBe("invalid_signature");
    }
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await ledgerSum(viewer.id)).toBe(990);
  });

  it("takes a tip with the longest allowed key (255 characters) once", async () => {
    const { viewer, body } = await tipSetup();
    const key = `${uniqueKey("long")}${"k".repeat(255)}`.slice(0, 255);
    const first = await post("/tips", body, key);
    expect(first.status).toBe(201);
    expect(await post("/tips", body, key)).toEqual({ ...first, replayed: true });
    expect(await ledgerSum(viewer.id)).toBe(990);
  });

  it("keeps the key order of a response whose keys jsonb would reorder", async () => {
    const viewer = await createViewer({ credits: 1000 });
    const performer = await createPerformer();
    const key = uniqueKey("show");
    const first = await post("/shows", { userId: viewer.id, performerId: performer.id }, key);
    expect(first.text.startsWith('{"show":{"id":')).toBe(true);
    expect((await post("/shows", { userId: viewer.id, performerId: performer.id }, key)).text).toBe(first.text);
  });

  it("answers 409 idempotency_conflict for the same key with another body, path or method", async () => {
    const { viewer, body } = await tipSetup();
    const key = uniqueKey("conflict");
    expect((await post("/tips", body, key)).status).toBe(201);
    for (const other of [
      post("/tips", { ...body, credits: 11 }, key),
      post("/tips", JSON.stringify(body).replace(":", ": "), key),
      post("/shows", { userId: viewer.id, performerId: body.performerId }, key),
      call("PUT", `/performers/${body.performerId}/status`, { status: "offline" }, { idempotencyKey: key }).then((r) => ({ status: r.status, text: JSON.stringify(r.body), replayed: false })),
    ]) {
      const response = await other;
      expect(response.status).toBe(409);
      expect(JSON.parse(response.text)).toMatchObject({ error: { code: "idempotency_conflict" } });
    }
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await prisma.privateShow.count({ where: { userId: viewer.id } })).toBe(0);
  });

  it("stores a business refusal too: the retry gets the same 402 even after the balance changed", async () => {
    const { viewer, body } = await tipSetup(5);
    const key = uniqueKey("poor");
    const first = await post("/tips", body, key);
    expect(first.status).toBe(402);
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: viewer.id, delta: 100, kind: "admin_adjustment", reference: "test", idempotencyKey: uniqueKey("topup") }),
    );
    expect(await post("/tips", body, key)).toEqual({ ...first, replayed: true });
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(0);
  });

  it("takes effect once when one key is sent 20 times at once, and all 20 get the same answer", async () => {
    const { viewer, body } = await tipSetup();
    const key = uniqueKey("burst");
    const responses = await Promise.all(Array.from({ length: 20 }, () => post("/tips", body, key)));
    const first = responses.find((r) => !r.replayed)!;
    expect(responses.filter((r) => !r.replayed)).toHaveLength(1);
    for (const response of responses) expect({ status: response.status, text: response.text }).toEqual({ status: 201, text: first.text });
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await ledgerSum(viewer.id)).toBe(990);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(990);
  });

  it("lets only one of 20 concurrent accepts with different keys start the show", async () => {
    const viewer = await createViewer({ credits: 1000 });
    const performer = await createPerformer();
    const created = await post("/shows", { userId: viewer.id, performerId: performer.id }, uniqueKey("req"));
    const showId = (JSON.parse(created.text) as { show: { id: number } }).show.id;
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`/shows/${showId}/accept`, undefined, uniqueKey(`acc${i}`))));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of responses.filter((x) => x.status !== 200)) expect(JSON.parse(r.text)).toMatchObject({ error: { code: "invalid_transition" } });
  });

  it("does not store a fault: 500 with a generic message, then the retry with the same key runs", async () => {
    const { viewer, body } = await tipSetup();
    const key = uniqueKey("fault");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    fault.failNextTips = 1;
    const failed = await post("/tips", body, key);
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.text)).toEqual({ error: { code: "internal_error", message: "Internal error" } });
    expect(failed.text).not.toMatch(/SELECT|secret|at |\.ts/);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    expect(await prisma.idempotencyRecord.count({ where: { key } })).toBe(0);
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(0);
    const retry = await post("/tips", body, key);
    expect(retry).toMatchObject({ status: 201, replayed: false });
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
  });

  it("takes over at once a record committed without an answer (left by the earlier scheme)", async () => {
    const { viewer, body } = await tipSetup();
    const key = uniqueKey("orphan");
    const path = `${V1}/tips`;
    const fingerprint = requestFingerprint("POST", path, new TextEncoder().encode(JSON.stringify(body)));
    await prisma.$executeRaw`
      INSERT INTO idempotency_records (key, fingerprint, created_at) VALUES (${key}, ${fingerprint}, now() - interval '2 minutes')`;
    const response = await post("/tips", body, key);
    expect(response).toMatchObject({ status: 201, replayed: false });
    expect(await prisma.tip.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await prisma.idempotencyRecord.findUniqueOrThrow({ where: { key } })).toMatchObject({ status: 201, body: response.text });
  });

  it("makes a duplicate wait for a running owner, and answers 409 if the owner takes too long", async () => {
    const key = uniqueKey("slow");
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let started = false;
    const owner = withIdempotency({ key, fingerprint: "f".repeat(64) }, async () => {
      started = true;
      await gate;
      return { status: 200, text: '{"ok":true}' };
    });
    await vi.waitFor(() => expect(started).toBe(true));
    // The claim is not committed yet: nothing is visible outside the owner's transaction.
    expect(await prisma.idempotencyRecord.count({ where: { key } })).toBe(0);
    await expect(withIdempotency({ key, fingerprint: "f".repeat(64), waitMs: 200 }, async () => ({ status: 200, text: "second" }))).rejects.toMatchObject({
      code: "idempotency_conflict",
    });
    const waiter = withIdempotency({ key, fingerprint: "f".repeat(64), waitMs: 5_000 }, async () => ({ status: 200, text: "second" }));
    finish();
    expect(await owner).toEqual({ status: 200, text: '{"ok":true}', replayed: false });
    expect(await waiter).toEqual({ status: 200, text: '{"ok":true}', replayed: true });
  });

  it("lets a duplicate run as the owner when the first owner rolls back", async () => {
    const key = uniqueKey("rolled-back");
    let fail: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (fail = resolve));
    let started = false;
    const first = withIdempotency({ key, fingerprint: "e".repeat(64) }, async () => {
      started = true;
      await gate;
      throw new Error("simulated fault");
    });
    await vi.waitFor(() => expect(started).toBe(true));
    const second = withIdempotency({ key, fingerprint: "e".repeat(64) }, async () => ({ status: 201, text: "second" }));
    fail();
    await expect(first).rejects.toThrow("simulated fault");
    expect(await second).toEqual({ status: 201, text: "second", replayed: false });
    const row = await prisma.$queryRaw<{ text: string }[]>`SELECT body #>> '{}' AS text FROM idempotency_records WHERE key = ${key}`;
    expect(row[0]?.text).toBe("second");
  });

  it("rolls back a refused effect's writes but stores the refusal", async () => {
    const key = uniqueKey("refused");
    const viewer = await createViewer({ credits: 1000 });
    const refusal = () => ({ status: 402, text: '{"error":{"code":"insufficient_credits","message":"no"}}' });
    const first = await withIdempotency({ key, fingerprint: "d".repeat(64), refusal }, async (tx) => {
      await tx.user.update({ where: { id: viewer.id }, data: { credits: 1 } });
      throw new Error("refused after a write");
    });
    expect(first).toEqual({ ...refusal(), replayed: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).credits).toBe(1000);
    const again = await withIdempotency({ key, fingerprint: "d".repeat(64), refusal }, async () => ({ status: 200, text: "never" }));
    expect(again).toEqual({ ...refusal(), replayed: true });
  });

  it("purges records older than the cut-off and keeps the rest", async () => {
    const old = uniqueKey("old");
    const recent = uniqueKey("recent");
    await prisma.$executeRaw`
      INSERT INTO idempotency_records (key, fingerprint, status, body, created_at, completed_at) VALUES
        (${old}, ${"a".repeat(64)}, 201, to_jsonb('{}'::text), now() - interval '49 hours', now() - interval '49 hours'),
        (${recent}, ${"b".repeat(64)}, 201, to_jsonb('{}'::text), now() - interval '25 hours', now() - interval '25 hours')`;
    const removed = await purgeIdempotencyRecords({ olderThan: new Date(Date.now() - 48 * 3600 * 1000) });
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await prisma.idempotencyRecord.count({ where: { key: { in: [old, recent] } } })).toBe(1);
    expect(await prisma.idempotencyRecord.findUnique({ where: { key: recent } })).not.toBeNull();
  });
});
