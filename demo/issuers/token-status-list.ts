import { deflateSync } from 'node:zlib';

/** Entries in the demo's token status list: 2^17, so that one credential hides among many (herd privacy). */
const ENTRIES = 131_072;
/** Two bits per entry: room for VALID (0), INVALID (1) and SUSPENDED (2). */
const BITS = 2;
const STATUS = { INVALID: 1, SUSPENDED: 2 } as const;

/**
 * An IETF Token Status List (draft-ietf-oauth-status-list) published by one demo identity for its
 * SD-JWT VCs: a JWT `typ: statuslist+jwt` signed with the same key as the credentials, whose `sub`
 * is the URI the credentials name.
 */
export class DemoTokenStatusList {
  private readonly statuses = new Map<number, number>();
  private index = 3;

  constructor(
    readonly uri: string,
    private readonly issuerDid: string,
    private readonly signJwt: (payload: Record<string, unknown>, header: { typ: string }) => Promise<string>,
  ) {}

  /** A fresh position, valid. */
  next(): number {
    return (this.index += 17);
  }

  /** A fresh position the issuer has revoked. */
  nextRevoked(): number {
    const i = this.next();
    this.statuses.set(i, STATUS.INVALID);
    return i;
  }

  /** A fresh position the issuer has suspended. */
  nextSuspended(): number {
    const i = this.next();
    this.statuses.set(i, STATUS.SUSPENDED);
    return i;
  }

  /** The `status` claim of a credential at position `idx`. */
  claim(idx: number): Record<string, unknown> {
    return { status_list: { idx, uri: this.uri } };
  }

  /** The Status List Token, signed after every example has been made. */
  token(): Promise<string> {
    const bytes = new Uint8Array((ENTRIES * BITS) / 8);
    // Entry i occupies bits i*BITS onwards, counted from the least significant bit of each byte (§4.1).
    for (const [i, value] of this.statuses) bytes[(i * BITS) >> 3]! |= value << ((i * BITS) & 7);
    const now = Math.floor(Date.now() / 1000);
    return this.signJwt(
      { iss: this.issuerDid, sub: this.uri, iat: now, exp: now + 86_400, ttl: 300, status_list: { bits: BITS, lst: deflateSync(bytes, { level: 9 }).toString('base64url') } },
      { typ: 'statuslist+jwt' },
    );
  }
}
