// ANY /api/chat/v1 and /api/chat/v1/* (no such endpoint) – 404 in the API's error shape instead of an HTML page
import { apiNotFound } from "@/lib/http/api-not-found";

export const dynamic = "force-dynamic";

const notFound = apiNotFound("No such endpoint: see /api/chat/v1/openapi.json.");

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
