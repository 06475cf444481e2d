/**
 * Request header holding the TCP peer's address, set by the server for every request
 * (lib/server/http/record-peer-address.ts); any copy a client sends is overwritten.
 */
export const PEER_ADDRESS_HEADER = "x-site-peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? undefined);
}

// Only what an IP address can hold, so a forged header cannot build odd rate-limit keys.
function normalize(address: string | undefined): string | undefined {
  const clean = address?.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return clean && /^[0-9a-f.:]{2,45}$/.test(clean) ? clean : undefined;
}

/**
 * The client's address. The peer is whoever opened the connection: the client itself, or the
 * nearest reverse proxy. Each of `trustedProxyHops` proxies appends the address it saw to
 * X-Forwarded-For, so the client is that many entries from the right of [...X-Forwarded-For, peer];
 * entries further left were written by the client and can say anything. With 0 hops (the default)
 * X-Forwarded-For is ignored.
 */
export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string {
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalize);
  // Without the peer header (not served by our Node server), Next's own X-Forwarded-For is all there is.
  const peer = normalize(header(headers, PEER_ADDRESS_HEADER)) ?? forwarded.at(-1);
  if (!peer) return "unknown";
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)] ?? "unknown";
}
