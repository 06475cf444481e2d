import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";

let subscribed = false;

/**
 * Route handlers never see the socket, and Next only fills X-Forwarded-For with the peer when the
 * client sent none, so a client could name any address. Node announces every request on this
 * channel before the server handles it: stamp the peer's address into a header, over any copy the
 * client sent.
 */
export function recordPeerAddresses(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}
