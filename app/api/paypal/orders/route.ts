// POST /api/paypal/orders – create a PayPal order for a credit pack (signed-in viewer; amount from the database)
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { parseJsonBody, readBody } from "@/lib/server/chat-api/read-body";
import { createOrder } from "@/lib/server/paypal/create-order";
import { ZCreateOrderRequest } from "@/lib/validations/paypal";

export const POST = (request: Request) =>
  handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["viewer"]);
    const { itemId } = ZCreateOrderRequest.parse(parseJsonBody(await readBody(request)));
    return { status: 201, body: await createOrder({ userId: user.id, itemId }) };
  });

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
