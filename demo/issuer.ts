import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { gzipSync } from 'node:zlib';

/**
 * The demo's local issuer: keys generated at start-up (never stored), a did:jwk identity, a
 * Bitstring Status List, and helpers to sign credentials as VC-JWT (VC 1.1 `vc` claim) and
 * VC-JOSE (VC 2.0, `typ: vc+jwt`). Demo only: the keys live as long as the process.
 */
export interface DemoIssuer {
  did: string;
  kid: string;
  publicJwk: JWK;
  /** Origin of the issuer server, e.g. http://127.0.0.1:8738 */
  origin: string;
  statusListUrl: string;
  /** Status list indexes that are revoked. */
  revoked: Set<number>;
  nextStatusIndex(): number;
  /** Signs a VC 1.1 credential as a VC-JWT whose iss, sub, jti, nbf and exp restate it. */
  signVcJwt(vc: Record<string, unknown>): Promise<string>;
  signVcJose(credential: Record<string, unknown>): Promise<string>;
  statusEntry(index: number): Record<string, unknown>;
  statusListCredential(): Promise<string>;
}

const STATUS_LIST_BITS = 131_072; // 16 KiB: the minimum Bitstring Status List size (herd privacy)

export async function createDemoIssuer(origin: string): Promise<DemoIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const did = `did:jwk:${Buffer.from(JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x })).toString('base64url')}`;
  const kid = `${did}#0`;
  const statusListUrl = `${origin}/status/1`;
  const revoked = new Set<number>();
  let index = 7;

  const sign = (payload: Record<string, unknown>, typ: string) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid, typ }).sign(privateKey);

  return {
    did,
    kid,
    publicJwk,
    origin,
    statusListUrl,
    revoked,
    nextStatusIndex: () => (index += 13),
    async signVcJwt(vc) {
      // VC Data Model 1.1 §6.3.1: the registered claims restate the credential's own properties.
      const seconds = (value: unknown) => (typeof value === 'string' ? Math.floor(Date.parse(value) / 1000) : undefined);
      const subject = vc.credentialSubject as { id?: string } | undefined;
      const payload: Record<string, unknown> = { iss: did, vc };
      const nbf = seconds(vc.issuanceDate);
      const exp = seconds(vc.expirationDate);
      if (nbf !== undefined) payload.nbf = nbf;
      if (exp !== undefined) payload.exp = exp;
      if (subject?.id) payload.sub = subject.id;
      if (typeof vc.id === 'string') payload.jti = vc.id;
      return sign(payload, 'JWT');
    },
    async signVcJose(credential) {
      return sign(credential, 'vc+jwt');
    },
    statusEntry(i) {
      return {
        id: `${statusListUrl}#${i}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(i),
        statusListCredential: statusListUrl,
      };
    },
    async statusListCredential() {
      const bits = new Uint8Array(STATUS_LIST_BITS / 8);
      // Bit 0 is the most significant bit of the first byte (Bitstring Status List v1.0 §3).
      for (const i of revoked) bits[i >> 3]! |= 0x80 >> (i & 7);
      const encodedList = `u${gzipSync(bits).toString('base64url')}`;
      return sign(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: statusListUrl,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: did,
          validFrom: new Date(Date.now() - 86_400_000).toISOString(),
          credentialSubject: { id: `${statusListUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
        },
        'vc+jwt',
      );
    },
  };
}

/** Changes one claim inside a signed JWT without re-signing it: what a forger would do. */
export function tamperJwt(jwt: string, edit: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(decoded);
  return `${header}.${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
}
