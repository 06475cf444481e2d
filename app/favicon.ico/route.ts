// GET /favicon.ico – browsers ask for it on every site: it follows the brand's logo (Admin → Brand)
import { getBrand } from "@/lib/server/settings/get-brand";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const { logoPath } = await getBrand();
  return new Response(null, {
    status: 307,
    headers: { location: new URL(logoPath ?? "/icon.svg", request.url).pathname, "cache-control": "public, max-age=300" },
  });
}
