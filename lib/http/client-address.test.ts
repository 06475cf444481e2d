import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";

const peer = (address: string, forwardedFor?: string) => ({ [PEER_ADDRESS_HEADER]: address, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

describe("clientAddress", () => {
  it("trusts no proxy by default: the socket's peer, whatever X-Forwarded-For a client sends", () => {
    expect(clientAddress(peer("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(peer("203.0.113.9", "198.51.100.7"), 0)).toBe("203.0.113.9");
    expect(clientAddress(peer("::ffff:203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(peer("2001:DB8::1", "1.2.3.4")), 0)).toBe("2001:db8::1");
  });

  it("with trusted proxies, takes the address the outermost trusted proxy saw", () => {
    // nginx on 10.0.0.2 appended the client's 198.51.100.7 to what the client claimed.
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
    // A CDN then nginx.
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.0.5"), 2)).toBe("198.51.100.7");
    // More hops configured than there are: the leftmost entry, never undefined.
    expect(clientAddress(peer("10.0.0.2", "198.51.100.7"), 5)).toBe("198.51.100.7");
  });

  it("never returns what is not an address", () => {
    expect(clientAddress(peer("10.0.0.2", "evil:key\u0000, <script>"), 1)).toBe("unknown");
    expect(clientAddress({}, 0)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7" }, 0)).toBe("198.51.100.7");
  });
});
