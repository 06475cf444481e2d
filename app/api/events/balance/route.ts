// GET /api/events/balance – the signed-in user's balance, live (Server-Sent Events)
import { errorResult } from "@/lib/http/error-response";
import { jsonResponse } from "@/lib/http/json-response";
import { requireUser } from "@/lib/server/auth/current-user";
import { getBalanceFeed } from "@/lib/server/balance/balance-feed";
import { getBalance } from "@/lib/server/balance/get-balance";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { sseResponse } from "@/lib/server/realtime/sse";
import { apiMethods } from "@/lib/http/api-methods";

export const dynamic = "force-dynamic";

// `balance` on connect (and again after this instance's listener had to reconnect), then one per
// change as the ledger NOTIFYs it. Each carries its version, so the browser keeps the newest even if
// the snapshot overtakes a notification.
export async function GET(request: Request): Promise<Response> {
  let user;
  try {
    user = await requireUser(["viewer", "performer", "admin"]);
  } catch (error) {
    return jsonResponse(errorResult(error));
  }
  const userId = user.id;
  return sseResponse(request, async (sse) => {
    const snapshot = () =>
      getBalance(userId)
        .then((balance) => (balance ? sse.send("balance", balance) : sse.close()))
        .catch((error: unknown) => {
          console.error("balance stream: snapshot failed", error);
          sse.close();
        });
    // Following before the snapshot is read, so no change can fall between the two.
    const stop = await getBalanceFeed().follow(userId, (update) => sse.send("balance", update));
    const stopResync = getRealtimeHub().onResync(() => void snapshot());
    await snapshot();
    return () => {
      stop();
      stopResync();
    };
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
