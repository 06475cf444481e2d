import { randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A fake PayPal over real HTTP on 127.0.0.1, for integration and end-to-end tests (nothing in the suite
// may reach the internet). It serves what the site calls — OAuth client credentials, Orders v2 create,
// capture and read, the IPN verification postback — with PayPal's shapes and behaviours that matter
// here: PayPal-Request-Id idempotency, ORDER_ALREADY_CAPTURED, 17-character ids. Tests steer it with
// setters (or /__fake/* endpoints from another process) and read what it received.

export type FakeCaptureFailure =
  | { kind: "declined" }
  | { kind: "amount"; value: string }
  | { kind: "currency"; currency: string }
  | { kind: "payee"; email: string }
  | { kind: "pending" }
  /** PayPal fails with a 500 before capturing. */
  | { kind: "error" }
  /** PayPal captures, but the answer is lost (a 500 reaches the caller). */
  | { kind: "lost" };

export type IpnVerdict = "VERIFIED" | "INVALID" | "ERROR";

type Money = { currency_code: string; value: string };
type FakeOrder = {
  id: string;
  requestId: string | undefined;
  status: "CREATED" | "COMPLETED";
  unit: { reference_id?: string; description?: string; custom_id?: string; amount: Money };
  capture?: { id: string; status: string; amount: Money; payee: string };
  captureRequestId?: string;
};

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: string };

export type FakePaypalOptions = {
  port?: number;
  clientId?: string;
  clientSecret?: string;
  receiverEmail?: string;
  /** The verdict on one postback (the message as PayPal received it back), e.g. INVALID for a forged one; undefined = the set verdict. */
  ipnVerdict?: (postback: string) => IpnVerdict | undefined;
};

export type FakePaypal = {
  url: string;
  ipnVerifyUrl: string;
  clientId: string;
  clientSecret: string;
  receiverEmail: string;
  merchantId: string;
  /** Every request except /__fake/*, oldest first. */
  requests: RecordedRequest[];
  /** The bodies posted to the IPN verification URL, exactly as received. */
  postbacks: string[];
  orders: Map<string, FakeOrder>;
  tokensIssued: () => number;
  setIpnVerdict: (verdict: IpnVerdict) => void;
  /** The next capture fails (or answers) this way; later ones are normal again. */
  failNextCapture: (failure: FakeCaptureFailure) => void;
  /** A pending capture completes (as when an e-cheque clears). */
  completeCapture: (orderId: string) => void;
  /** The PAYPAL_* variables that point the site at this fake. */
  env: () => Record<string, string>;
  close: () => Promise<void>;
};

/** A PayPal-style id: 17 upper-case letters and digits. */
export function paypalId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from({ length: 17 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

export async function startFakePaypal(options: FakePaypalOptions = {}): Promise<FakePaypal> {
  const clientId = options.clientId ?? "fake-client-id";
  const clientSecret = options.clientSecret ?? "fake-client-secret";
  const receiverEmail = options.receiverEmail ?? "merchant@example.com";
  const merchantId = "FAKEMERCHANT0001";
  const tokens = new Set<string>();
  const byRequestId = new Map<string, string>();
  let verdict: IpnVerdict = "VERIFIED";
  let nextCapture: FakeCaptureFailure | undefined;

  const fake: FakePaypal = {
    url: "", ipnVerifyUrl: "", clientId, clientSecret, receiverEmail, merchantId,
    requests: [], postbacks: [], orders: new Map(),
    tokensIssued: () => tokens.size,
    setIpnVerdict: (v) => void (verdict = v),
    failNextCapture: (f) => void (nextCapture = f),
    completeCapture: (orderId) => void (fake.orders.get(orderId)!.capture!.status = "COMPLETED"),
    env: () => ({
      PAYPAL_API_BASE: fake.url, PAYPAL_IPN_VERIFY_URL: fake.ipnVerifyUrl, PAYPAL_CLIENT_ID: clientId,
      PAYPAL_CLIENT_SECRET: clientSecret, PAYPAL_RECEIVER_EMAIL: receiverEmail,
    }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const orderView = (order: FakeOrder) => ({
    id: order.id,
    intent: "CAPTURE",
    status: order.status,
    purchase_units: [
      {
        ...order.unit,
        payee: { email_address: order.capture?.payee ?? receiverEmail, merchant_id: merchantId },
        ...(order.capture
          ? { payments: { captures: [{ ...order.capture, payee: undefined, final_capture: true, create_time: new Date().toISOString() }] } }
          : {}),
      },
    ],
    payer: { email_address: "buyer@example.com", payer_id: "FAKEBUYER0000001", name: { given_name: "Test", surname: "Buyer" } },
    links: [{ href: `${fake.url}/v2/checkout/orders/${order.id}`, rel: "self", method: "GET" }],
  });

  function route(req: IncomingMessage, body: string, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0]!;
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    const issue = (status: number, name: string, detail: string) => send(status, { name, details: [{ issue: detail }] });

    if (req.method === "GET" && path === "/__fake/health") return void res.end("ok");
    if (req.method === "POST" && path === "/__fake/ipn-verdict") return void res.end((verdict = body.trim() as IpnVerdict));
    if (req.method === "POST" && path === "/__fake/next-capture") return void res.end(JSON.stringify((nextCapture = JSON.parse(body))));
    if (req.method === "GET" && path === "/__fake/postbacks") return send(200, fake.postbacks);
    fake.requests.push({ method: req.method ?? "", path, headers: req.headers, body });

    if (req.method === "POST" && path === "/cgi-bin/webscr") {
      fake.postbacks.push(body);
      const answer = options.ipnVerdict?.(body) ?? verdict;
      if (answer === "ERROR") return void res.writeHead(503).end("Service Unavailable");
      return void res.writeHead(200, { "content-type": "text/plain" }).end(body.startsWith("cmd=_notify-validate&") ? answer : "INVALID");
    }
    if (req.method === "POST" && path === "/v1/oauth2/token") {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
      if (req.headers.authorization !== expected || body !== "grant_type=client_credentials") {
        return send(401, { error: "invalid_client", error_description: "Client Authentication failed" });
      }
      const token = `A21AA${randomBytes(24).toString("hex")}`;
      tokens.add(token);
      return send(200, { scope: "https://uri.paypal.com/services/payments/payment", access_token: token, token_type: "Bearer", app_id: "APP-FAKE", expires_in: 32400, nonce: "fake" });
    }
    if (!tokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""))) {
      return send(401, { error: "invalid_token", error_description: "Token signature verification failed" });
    }
    const requestId = req.headers["paypal-request-id"] as string | undefined;

    if (req.method === "POST" && path === "/v2/checkout/orders") {
      const known = requestId ? byRequestId.get(requestId) : undefined;
      if (known) return send(200, orderView(fake.orders.get(known)!));
      const parsed = JSON.parse(body || "{}") as { intent?: string; purchase_units?: FakeOrder["unit"][] };
      const unit = parsed.purchase_units?.[0];
      if (parsed.intent !== "CAPTURE" || !unit?.amount?.value || !unit.amount.currency_code) {
        return issue(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER");
      }
      const order: FakeOrder = { id: paypalId(), requestId, status: "CREATED", unit };
      fake.orders.set(order.id, order);
      if (requestId) byRequestId.set(requestId, order.id);
      return send(201, { id: order.id, status: order.status, links: [{ href: `https://www.sandbox.paypal.com/checkoutnow?token=${order.id}`, rel: "approve", method: "GET" }] });
    }
    const match = /^\/v2\/checkout\/orders\/([A-Za-z0-9]+)(\/capture)?$/.exec(path);
    const order = match ? fake.orders.get(match[1]!) : undefined;
    if (match && !order) return issue(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID");
    if (order && req.method === "GET" && !match![2]) return send(200, orderView(order));
    if (order && req.method === "POST" && match![2]) {
      if (order.capture) {
        if (requestId && requestId === order.captureRequestId) return send(201, orderView(order));
        return issue(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED");
      }
      const failure = nextCapture;
      nextCapture = undefined;
      if (failure?.kind === "declined") return issue(422, "UNPROCESSABLE_ENTITY", "INSTRUMENT_DECLINED");
      if (failure?.kind === "error") return issue(500, "INTERNAL_SERVER_ERROR", "INTERNAL_SERVICE_ERROR");
      order.status = "COMPLETED";
      order.captureRequestId = requestId;
      order.capture = {
        id: paypalId(),
        status: failure?.kind === "pending" ? "PENDING" : "COMPLETED",
        amount: {
          currency_code: failure?.kind === "currency" ? failure.currency : order.unit.amount.currency_code,
          value: failure?.kind === "amount" ? failure.value : order.unit.amount.value,
        },
        payee: failure?.kind === "payee" ? failure.email : receiverEmail,
      };
      return failure?.kind === "lost" ? issue(500, "INTERNAL_SERVER_ERROR", "INTERNAL_SERVICE_ERROR") : send(201, orderView(order));
    }
    send(404, { name: "RESOURCE_NOT_FOUND", details: [{ issue: "NOT_FOUND" }] });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        route(req, Buffer.concat(chunks).toString("latin1"), res);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.ipnVerifyUrl = `${fake.url}/cgi-bin/webscr`;
  return fake;
}

// ---------------------------------------------------------------------------------------------------
// IPN messages as PayPal formats them

export type IpnFields = Record<string, string | undefined>;

/** A Completed web_accept IPN for a buy-now payment, in PayPal's field order; override any field. */
export function ipnFields(overrides: IpnFields = {}): IpnFields {
  const fields: IpnFields = {
    mc_gross: "10.00", protection_eligibility: "Eligible", address_status: "confirmed", payer_id: "LPLWNMTBWMFAY", tax: "0.00",
    payment_date: paypalDate(new Date()), payment_status: "Completed", charset: "UTF-8", first_name: "Test", mc_fee: "0.64",
    notify_version: "3.9", custom: "1", payer_status: "verified", business: "merchant@example.com", quantity: "1",
    verify_sign: randomBytes(28).toString("base64url"), payer_email: "buyer@example.com", txn_id: paypalId(), payment_type: "instant",
    last_name: "Buyer", receiver_email: "merchant@example.com", payment_fee: "0.64", receiver_id: "FAKEMERCHANT0001",
    txn_type: "web_accept", item_name: "600 credits for 10.00", mc_currency: "USD", item_number: "1", residence_country: "US",
    test_ipn: "1", handling_amount: "0.00", transaction_subject: "", payment_gross: "10.00", shipping: "0.00", ipn_track_id: randomBytes(6).toString("hex"),
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete fields[name];
    else fields[name] = value;
  }
  return fields;
}

/** application/x-www-form-urlencoded, as PayPal sends it: %XX escapes and + for spaces. */
export function ipnBody(fields: IpnFields): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${formEncode(name)}=${formEncode(value)}`)
    .join("&");
}

/** POSTs an IPN to the site's notify URL the way PayPal does. */
export function sendIpn(notifyUrl: string, body: string): Promise<Response> {
  return fetch(notifyUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "PayPal IPN ( https://www.paypal.com/ipn )" },
    body,
  });
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+");
}

/** "20:12:59 Jan 13, 2009 PST" */
function paypalDate(date: Date): string {
  const pst = new Date(date.getTime() - 8 * 3600 * 1000);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const time = pst.toISOString().slice(11, 19);
  return `${time} ${months[pst.getUTCMonth()]} ${pst.getUTCDate()}, ${pst.getUTCFullYear()} PST`;
}
