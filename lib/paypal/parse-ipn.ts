// Decodes an IPN body (application/x-www-form-urlencoded) the way PayPal encodes it: `+` for a space,
// %XX bytes in the character set named by the message's own `charset` field (windows-1252 unless the
// merchant changed it in the PayPal profile), the first occurrence of a repeated name wins.

export type IpnForm = Record<string, string>;

export function parseIpnBody(raw: Uint8Array | string): IpnForm {
  const text = typeof raw === "string" ? raw : Buffer.from(raw).toString("latin1");
  const pairs = text
    .split("&")
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf("=");
      return eq === -1 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    })
    .map(([name, value]) => [percentBytes(name!), percentBytes(value!)] as const);
  const charsetPair = pairs.find(([name]) => ascii(name) === "charset");
  const decoder = textDecoder(charsetPair ? ascii(charsetPair[1]) : "utf-8");
  const form: IpnForm = {};
  for (const [name, value] of pairs) {
    const key = decoder.decode(name);
    if (!Object.hasOwn(form, key)) Object.defineProperty(form, key, { value: decoder.decode(value), enumerable: true });
  }
  return form;
}

function percentBytes(encoded: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const char = encoded[i]!;
    const hex = encoded.slice(i + 1, i + 3);
    if (char === "%" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(char === "+" ? 0x20 : char.charCodeAt(0) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes).trim().toLowerCase();
}

function textDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder("utf-8");
  }
}
