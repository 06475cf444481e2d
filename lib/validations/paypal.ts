import { z } from "zod";

// What crosses the PayPal boundaries: our own API's request bodies, the IPN fields we read, and the
// parts of PayPal's REST answers we rely on (everything else in those answers is ignored).

const INT4_MAX = 2_147_483_647;

/** A PayPal order, capture or transaction id (PayPal's are 17 upper-case letters and digits). */
export const ZPaypalId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, "must be a PayPal id (letters and digits)");

/** POST /api/paypal/orders */
export const ZCreateOrderRequest = z.object({ itemId: z.int("must be a credit pack id").min(1).max(INT4_MAX) });
export type TCreateOrderRequest = z.infer<typeof ZCreateOrderRequest>;

/** POST /api/paypal/orders/[id]/capture */
export const ZCaptureParams = z.object({ id: ZPaypalId });

/** The IPN fields the site reads; every form field is a string, any of them may be missing. */
export const ZIpnFields = z
  .object({
    txn_id: z.string(),
    parent_txn_id: z.string(),
    txn_type: z.string(),
    payment_status: z.string(),
    pending_reason: z.string(),
    reason_code: z.string(),
    mc_gross: z.string(),
    mc_currency: z.string(),
    receiver_email: z.string(),
    receiver_id: z.string(),
    business: z.string(),
    item_number: z.string(),
    item_name: z.string(),
    quantity: z.string(),
    custom: z.string(),
    test_ipn: z.string(),
    payer_email: z.string(),
  })
  .partial();
export type TIpnFields = z.infer<typeof ZIpnFields>;

/** POST /v1/oauth2/token */
export const ZAccessToken = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

const ZMoney = z.object({ currency_code: z.string(), value: z.string() });

/** POST /v2/checkout/orders */
export const ZCreatedOrder = z.object({ id: ZPaypalId, status: z.string() });

/** POST /v2/checkout/orders/{id}/capture and GET /v2/checkout/orders/{id} (Prefer: return=representation). */
export const ZCapturedOrder = z.object({
  id: ZPaypalId,
  status: z.string(),
  purchase_units: z
    .array(
      z.object({
        payee: z.object({ email_address: z.string().optional(), merchant_id: z.string().optional() }).optional(),
        payments: z
          .object({ captures: z.array(z.object({ id: ZPaypalId, status: z.string(), amount: ZMoney })).optional() })
          .optional(),
      }),
    )
    .min(1),
});
export type TCapturedOrder = z.infer<typeof ZCapturedOrder>;

/** PayPal's error body: `details[].issue` names the problem (INSTRUMENT_DECLINED, ORDER_ALREADY_CAPTURED, …). */
export const ZPaypalError = z.object({
  name: z.string().optional(),
  details: z.array(z.object({ issue: z.string() })).optional(),
});
