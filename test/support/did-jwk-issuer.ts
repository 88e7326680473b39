import { SignJWT, base64url, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

/** An ES256 issuer identified by did:jwk (its public key is the DID), signing with `kid` = `<did>#0`. */
export interface DidJwkIssuer {
  did: string;
  kid: string;
  /** The public members only (kty, crv, x, y): what the DID encodes. */
  publicJwk: JsonWebKey;
  privateKey: CryptoKey;
}

export async function didJwkIssuer(): Promise<DidJwkIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JsonWebKey;
  const did = `did:jwk:${base64url.encode(JSON.stringify(publicJwk))}`;
  return { did, kid: `${did}#0`, publicJwk, privateKey };
}

/**
 * Jane Doe's "Data Analysis (6 ECTS)" as a VC-JWT (VC 1.1), valid since a day before `now` (seconds):
 * the credential the extension tests paste and link, and the benchmark's VC-JWT.
 */
export async function dataAnalysisVcJwt(issuer: DidJwkIssuer, now = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      credentialSubject: { id: 'did:example:jane', name: 'Jane Doe', achievement: 'Data Analysis (6 ECTS)' },
    },
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: issuer.kid })
    .setIssuer(issuer.did)
    .setSubject('did:example:jane')
    .setNotBefore(now - 86_400)
    .setIssuedAt(now - 86_400)
    .setJti('urn:uuid:7f1e2d3c-4b5a-4968-8776-655443322110')
    .sign(issuer.privateKey);
}
