import { SignJWT, exportJWK, generateKeyPair, base64url } from 'jose';
import { verify, type VerificationReport } from '../lib/index.js';
import { safeText } from './format-report.js';

interface DemoIo {
  out: (text: string) => void;
  color: boolean;
}

interface Example {
  name: string;
  expect: VerificationReport['verdict'][];
  input: string;
  at?: Date;
}

/**
 * Signs a small set of example credentials with a key made now (did:jwk issuer, VC-JWT), then
 * verifies each offline: the genuine one, a tampered copy, an expired one, one signed by a
 * stranger, and one with `alg: none`.
 */
export async function buildExamples(): Promise<Example[]> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(publicKey);
  const did = `did:jwk:${base64url.encode(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }))}`;
  const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const now = Math.floor(Date.now() / 1000);
  const vc = (validUntil?: number) => ({
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:8f1d2c55-4b7e-4c55-9d4a-0d2c9b1e7a10',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: did, type: ['Profile'], name: 'Credlens Demo University' },
    issuanceDate: new Date((now - 86_400) * 1000).toISOString(),
    ...(validUntil ? { expirationDate: new Date(validUntil * 1000).toISOString() } : {}),
    name: 'Data Literacy Fundamentals',
    credentialSubject: {
      id: 'did:example:learner-ada',
      type: ['AchievementSubject'],
      achievement: { id: 'https://demo.credlens.example/achievements/data-literacy', type: ['Achievement'], name: 'Data Literacy Fundamentals', criteria: { narrative: 'Passed the final assessment.' } },
    },
  });
  const sign = async (payloadVc: ReturnType<typeof vc>, key: CryptoKey, exp?: number) => {
    const jwt = new SignJWT({ vc: payloadVc, jti: payloadVc.id, sub: payloadVc.credentialSubject.id, nbf: now - 86_400, ...(exp ? { exp } : {}) })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: `${did}#0` })
      .setIssuer(did);
    return jwt.sign(key);
  };
  const genuine = await sign(vc(), privateKey);
  const [h, p, s] = genuine.split('.');
  const tamperedPayload = JSON.parse(new TextDecoder().decode(base64url.decode(p ?? ''))) as { vc: { name: string } };
  tamperedPayload.vc.name = 'Advanced Data Science (PhD level)';
  const tampered = `${h}.${base64url.encode(JSON.stringify(tamperedPayload))}.${s}`;
  const expiredAt = now - 3600;
  const expired = await sign(vc(expiredAt), privateKey, expiredAt);
  const forged = await sign(vc(), stranger.privateKey);
  const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${p}.`;
  return [
    { name: 'Genuine Open Badge (VC-JWT, did:jwk)', expect: ['verified', 'warning'], input: genuine },
    { name: 'Same badge, title changed after signing', expect: ['invalid'], input: tampered },
    { name: 'Expired badge', expect: ['invalid'], input: expired },
    { name: 'Badge signed by someone else', expect: ['invalid'], input: forged },
    { name: 'Badge with "alg: none" (no signature)', expect: ['invalid'], input: unsigned },
  ];
}

export async function runCliDemo(io: DemoIo): Promise<number> {
  io.out('Credlens demo: example credentials signed just now, verified offline.\n');
  const examples = await buildExamples();
  let mismatches = 0;
  for (const example of examples) {
    const report = await verify(example.input, { offline: true, ...(example.at ? { at: example.at } : {}) });
    const decisive = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn');
    const ok = example.expect.includes(report.verdict);
    if (!ok) mismatches++;
    io.out(`${report.verdict.toUpperCase().padEnd(13)} ${example.name}${decisive ? `\n              ${safeText(decisive.message)} [${decisive.code}]` : ''}${ok ? '' : '\n              (unexpected verdict)'}`);
  }
  io.out('\nVerify your own: npx credlens verify FILE_OR_URL   (add --json for the full report)');
  return mismatches === 0 ? 0 : 1;
}
