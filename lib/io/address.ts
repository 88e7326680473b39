/**
 * Classifies IP literals so the network seam can refuse private, loopback, link-local and other
 * non-public destinations (server-side request forgery from the Node verifier, or from the extension
 * into a recruiter's intranet).
 */
export function isNonPublicAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = parseIpv4(host);
  if (v4) return isNonPublicIpv4(v4);
  if (host.includes(':')) return isNonPublicIpv6(host);
  return false;
}

/** True for names that always mean this machine or the local network. */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host.endsWith('.home.arpa')
  );
}

export function parseIpv4(host: string): [number, number, number, number] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4) return undefined;
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (nums.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return undefined;
  return nums as [number, number, number, number];
}

function isNonPublicIpv4([a, b, c]: [number, number, number, number]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 192 && b === 0 && c === 2) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224
  );
}

function isNonPublicIpv6(host: string): boolean {
  const groups = parseIpv6(host.replace(/%.*$/, ''));
  // Unparseable IPv6-looking text is refused: the guard fails closed.
  if (!groups) return true;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embeddedV4 = (hi: number, lo: number): [number, number, number, number] => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0 && g6 === 0 && g7 <= 1) return true; // :: and ::1
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d: the URL parser writes both in hex
  // (`[::ffff:7f00:1]`), so the IPv4 inside must be judged, not the text.
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) return isNonPublicIpv4(embeddedV4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b) return true; // NAT64 can reach IPv4 private space
  if (g0 === 0x2002) return isNonPublicIpv4(embeddedV4(g1, g2)); // 6to4 carries an IPv4 address
  if (g0 === 0x2001 && g1 === 0) return true; // Teredo tunnels
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 || // site-local fec0::/10 (deprecated, still routed on some networks)
    (g0 & 0xff00) === 0xff00 // multicast
  );
}

/** Parses an IPv6 literal (with `::` and an optional trailing dotted IPv4) into eight 16-bit groups. */
export function parseIpv6(host: string): number[] | undefined {
  let text = host;
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1] && dotted[2]) {
    const v4 = parseIpv4(dotted[2]);
    if (!v4) return undefined;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    text = dotted[1].endsWith('::') ? dotted[1] : dotted[1].slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined): number[] | undefined => {
    if (!part) return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  if (!head || !rest) return undefined;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1) return explicit === 8 ? [...head, ...tail] : undefined;
  if (explicit > 7) return undefined;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
}
