import ipaddr from 'ipaddr.js';

/**
 * Classifies IP literals so the network seam can refuse private, loopback, link-local and other
 * non-public destinations (server-side request forgery from the Node verifier, or from the extension
 * into a recruiter's intranet). Parsing and the special-purpose ranges (IANA registries) come from
 * ipaddr.js; what stays here is the policy: every range but ordinary unicast is refused, and an IPv4
 * address carried inside IPv6 (mapped, compatible, 6to4) is judged as that IPv4 address.
 */

/** Special-purpose ranges that still reach the public internet (anycast services). */
const PUBLIC_V4_RANGES = new Set(['unicast', 'as112', 'amt']);
const PUBLIC_V6_RANGES = new Set(['unicast', 'as112v6', 'amt']);

export function isNonPublicAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '').toLowerCase();
  // Only the four-part decimal form: the URL parser has already normalised every other IPv4 spelling.
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return isNonPublicIpv4(ipaddr.IPv4.parse(host));
  if (host.includes(':')) return isNonPublicIpv6(host.replace(/%.*$/, ''));
  return false;
}

function isNonPublicIpv4(address: ipaddr.IPv4): boolean {
  return !PUBLIC_V4_RANGES.has(address.range());
}

/** An IPv6 literal (with `::` and an optional trailing dotted IPv4) as eight 16-bit groups; `undefined` when malformed. */
export function parseIpv6(host: string): number[] | undefined {
  return ipaddr.IPv6.isValid(host) ? ipaddr.IPv6.parse(host).parts : undefined;
}

function isNonPublicIpv6(host: string): boolean {
  // Unparseable IPv6-looking text is refused: the guard fails closed.
  if (parseIpv6(host) === undefined) return true;
  const address = ipaddr.IPv6.parse(host);
  const parts = address.parts;
  const embeddedV4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = address.range();
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d: the URL parser writes both in hex
  // (`[::ffff:7f00:1]`), so the IPv4 inside must be judged, not the text.
  if (range === 'ipv4Mapped') return isNonPublicIpv4(address.toIPv4Address());
  if (range === 'loopback' || range === 'unspecified') return true;
  if (parts.slice(0, 6).every((p) => p === 0)) return isNonPublicIpv4(embeddedV4(parts[6]!, parts[7]!));
  if (range === '6to4') return isNonPublicIpv4(embeddedV4(parts[1]!, parts[2]!)); // 6to4 carries an IPv4 address
  // NAT64 (64:ff9b::/96 and the whole 64:ff9b::/32) can reach IPv4 private space.
  if (parts[0] === 0x64 && parts[1] === 0xff9b) return true;
  return !PUBLIC_V6_RANGES.has(range);
}
