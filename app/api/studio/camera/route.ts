// POST /api/studio/camera – the performer's studio says whether its camera is live (status follows it)
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { readJsonRequest } from "@/lib/http/read-json-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { getPerformerOfUser } from "@/lib/server/performers/get-performer-of-user";
import { reportStudioCamera } from "@/lib/server/performers/report-studio-camera";
import { ZStudioCamera } from "@/lib/validations/room";

export async function POST(request: Request): Promise<Response> {
  return handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["performer"]);
    const { live } = ZStudioCamera.parse(await readJsonRequest(request, 1024));
    const performer = await getPerformerOfUser(user.id);
    await reportStudioCamera({ performerId: performer.id, live });
    return { status: 200, body: { live } };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
