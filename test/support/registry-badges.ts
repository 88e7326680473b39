import { SignJWT } from 'jose';
import type { DidJwkIssuer } from './did-jwk-issuer.js';

/** An Open Badges 3.0 VC-JWT (VC 2.0) issued on `issued` whose achievement is aligned to the registry code `code`. */
export async function alignedBadge(issuer: DidJwkIssuer, code: string, issued = '2025-06-30T00:00:00Z', extra: Record<string, unknown> = {}): Promise<string> {
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Université Exemple de Lyon' },
    validFrom: issued,
    name: `Credential for ${code}`,
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: `https://univ.example/achievements/${code}`,
        type: ['Achievement'],
        name: `Achievement ${code}`,
        alignment: [{ type: ['Alignment'], targetName: code, targetCode: code, targetUrl: 'https://univ.example/x'}],
        ...extra,
      },
    },
  };
  return new SignJWT(vc as unknown as Record<string, unknown>).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: issuer.kid }).setIssuer(issuer.did).sign(issuer.privateKey);
}
