import { gzipSync } from 'node:zlib';

const STATUS_LIST_BITS = 131_072; // 16 KiB: the minimum Bitstring Status List size (herd privacy)

/**
 * A Bitstring Status List published by one demo identity. A list must be issued by the same DID
 * as the credentials that point to it, so each signing identity of the demo has its own.
 */
export class DemoStatusList {
  readonly revoked = new Set<number>();
  private index = 7;

  constructor(
    readonly url: string,
    private readonly issuerDid: string,
    private readonly signVcJose: (payload: Record<string, unknown>) => Promise<string>,
  ) {}

  /** A fresh, unrevoked position. */
  next(): number {
    return (this.index += 13);
  }

  /** A fresh position the issuer has revoked. */
  nextRevoked(): number {
    const i = this.next();
    this.revoked.add(i);
    return i;
  }

  entry(i: number): Record<string, unknown> {
    return {
      id: `${this.url}#${i}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(i),
      statusListCredential: this.url,
    };
  }

  /** The list as a VC-JOSE credential, signed after every example has been made. */
  credential(): Promise<string> {
    const bits = new Uint8Array(STATUS_LIST_BITS / 8);
    // Bit 0 is the most significant bit of the first byte (Bitstring Status List v1.0 §3).
    for (const i of this.revoked) bits[i >> 3]! |= 0x80 >> (i & 7);
    return this.signVcJose({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: this.url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: this.issuerDid,
      validFrom: new Date(Date.now() - 86_400_000).toISOString(),
      credentialSubject: { id: `${this.url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
    });
  }
}
