import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { decimalToCents, formatAmount } from "@/lib/paypal/money";
import { orderRequestId } from "@/lib/paypal/order-request-id";
import { ZCreatedOrder } from "@/lib/validations/paypal";
import { callPaypalApi } from "./call-paypal-api";

export type CreateOrderOptions = { userId: number; itemId: number; now?: Date };

export type CreatedOrder = { id: string; itemId: number; amount: string; currency: string };

/**
 * POST /api/paypal/orders: a PayPal Orders v2 order for one credit pack. The amount and currency come
 * from the pack in the database, never from the browser. The PayPal-Request-Id is derived from the
 * user, the pack, its price, a 10-minute window and the number of this user's finished orders for the
 * pack (lib/paypal/order-request-id.ts), so a retried call gets the same order instead of a second one.
 */
export async function createOrder({ userId, itemId, now = new Date() }: CreateOrderOptions): Promise<CreatedOrder> {
  const pack = await prisma.creditPack.findUnique({ where: { id: itemId } });
  if (!pack) throw new AppError("not_found", `Credit pack ${itemId} does not exist.`);
  if (!pack.active) throw new AppError("invalid_request", "This credit pack is no longer on sale.", { itemId: "Choose another pack." });
  if (!(await prisma.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw new AppError("not_found", `User ${userId} does not exist.`);
  }
  const amount = formatAmount(decimalToCents(pack.price), pack.currency);
  const generation = await prisma.paypalOrder.count({ where: { userId, itemId, status: { not: "CREATED" } } });
  const requestId = orderRequestId({ userId, itemId, amount, currency: pack.currency, generation, now });
  const view = (id: string): CreatedOrder => ({ id, itemId, amount, currency: pack.currency });

  const stored = await prisma.paypalOrder.findUnique({ where: { requestId }, select: { id: true } });
  if (stored) return view(stored.id);

  const answer = await callPaypalApi({
    method: "POST",
    path: "/v2/checkout/orders",
    requestId,
    body: {
      intent: "CAPTURE",
      purchase_units: [
        {
          reference_id: `pack-${pack.id}`,
          description: pack.description.slice(0, 127),
          custom_id: String(userId),
          amount: { currency_code: pack.currency, value: amount },
        },
      ],
    },
  });
  const created = ZCreatedOrder.safeParse(answer.body);
  if ((answer.status !== 200 && answer.status !== 201) || !created.success) {
    console.error(`[paypal] create order refused: HTTP ${answer.status} ${answer.text.slice(0, 500)}`);
    throw new AppError("paypal_unavailable", "PayPal could not create the order. Nothing was charged; try again.");
  }

  const { id } = created.data;
  try {
    await prisma.paypalOrder.create({ data: { id, requestId, userId, itemId, amount: pack.price, currency: pack.currency } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same call, retried concurrently, stored it first: it must be the very same order.
    const existing = await prisma.paypalOrder.findUnique({ where: { id }, select: { requestId: true, userId: true } });
    if (existing?.requestId !== requestId || existing.userId !== userId) throw error;
  }
  return view(id);
}
