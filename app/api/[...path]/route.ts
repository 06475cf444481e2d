// ANY /api/* that no route serves – a JSON 404 (the API's error shape) instead of the site's HTML page
import { apiNotFound } from "@/lib/http/api-not-found";

export const dynamic = "force-dynamic";

const notFound = apiNotFound("No such API endpoint.");

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
