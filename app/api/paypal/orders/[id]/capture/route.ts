// POST /api/paypal/orders/[id]/capture – capture an approved order and credit its pack once (the order's owner only)
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { captureOrder } from "@/lib/server/paypal/capture-order";
import { ZCaptureParams } from "@/lib/validations/paypal";

export const POST = (request: Request, context: { params: Promise<{ id: string }> }) =>
  handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["viewer"]);
    const { id } = ZCaptureParams.parse(await context.params);
    return { status: 200, body: await captureOrder({ userId: user.id, orderId: id }) };
  });

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
