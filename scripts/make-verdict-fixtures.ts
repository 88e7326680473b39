// Writes test/fixtures/verdicts/: one signed credential per class of issue #14's verdict rules, with
// the status lists they name (index.json maps the list URLs to files, the --resources layout) and
// MANIFEST.json stating the verdict each must get at 2026-11-28T00:00:00Z. The keys are made here and
// thrown away; rerun only to change the fixtures. test/unit/status/verdict-fixtures.test.ts checks them,
// `npm run crosscheck` shows them next to the reference verifiers.
// Usage: node bin/run-ts.mjs scripts/make-verdict-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { newIssuer, signDi } from '../test/unit/security/sign-di.js';
import { newKey, openBadge, signDi as signObDi } from '../test/unit/formats/vc-di/sign.js';

const dir = new URL('../test/fixtures/verdicts/', import.meta.url);
mkdirSync(dir, { recursive: true });
const issuer = newIssuer();
const other = newIssuer();
const INDEX = 42;
const BASE = 'https://status.university.example/lists';

function encoded(revoked: boolean): string {
  const bytes = new Uint8Array(16 * 1024);
  if (revoked) bytes[Math.floor(INDEX / 8)] = 0x80 >> INDEX % 8;
  return `u${Buffer.from(gzipSync(bytes)).toString('base64url')}`;
}

async function list(url: string, signer: typeof issuer, revoked: boolean, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return signDi(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      validFrom: '2026-01-01T00:00:00Z',
      ...extra,
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encoded(revoked) },
    },
    signer,
  );
}

async function credential(name: string, listUrl: string): Promise<Record<string, unknown>> {
  return signDi(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `https://university.example/credentials/${name}`,
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      validFrom: '2026-01-01T00:00:00Z',
      name: `Fixture: ${name}`,
      credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', name: 'Alumna of Example University' },
      credentialStatus: { id: `${listUrl}#${INDEX}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(INDEX), statusListCredential: listUrl },
    },
    issuer,
  );
}

const index: Record<string, string> = {};
const manifest: Array<{ file: string; expected: string; code: string; class: string }> = [];
const write = (file: string, value: unknown) => writeFileSync(new URL(file, dir), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

async function statusCase(name: string, cls: string, expected: string, code: string, listValue: Record<string, unknown>, listUrl: string): Promise<void> {
  write(`lists/${name}.json`, listValue);
  index[listUrl] = `lists/${name}.json`;
  write(`${name}.json`, await credential(name, listUrl));
  manifest.push({ file: `${name}.json`, expected, code, class: cls });
}

mkdirSync(new URL('lists/', dir), { recursive: true });
await statusCase('own-list-active', "the issuer's own list, not revoked", 'warning', 'STATUS_ACTIVE', await list(`${BASE}/own`, issuer, false), `${BASE}/own`);
await statusCase('own-list-revoked', "the issuer's own list, revoked", 'invalid', 'STATUS_REVOKED', await list(`${BASE}/own-revoked`, issuer, true), `${BASE}/own-revoked`);
await statusCase('foreign-list-revoked', 'revoked on a list signed by another party', 'invalid', 'STATUS_REVOKED', await list(`${BASE}/foreign-revoked`, other, true), `${BASE}/foreign-revoked`);
await statusCase('expired-list-revoked', 'revoked on an expired list', 'invalid', 'STATUS_REVOKED', await list(`${BASE}/expired-revoked`, issuer, true, { validUntil: '2026-02-01T00:00:00Z' }), `${BASE}/expired-revoked`);
const genuine = await list(`${BASE}/tampered-revoked`, issuer, false);
const tampered = { ...genuine, credentialSubject: { ...(genuine.credentialSubject as object), encodedList: encoded(true) } };
await statusCase('tampered-list-revoked', 'revoked on a tampered list (its proof fails)', 'invalid', 'STATUS_REVOKED', tampered, `${BASE}/tampered-revoked`);
await statusCase('foreign-list-active', 'not revoked on a list signed by another party', 'warning', 'STATUS_LIST_UNVERIFIED', await list(`${BASE}/foreign-active`, other, false), `${BASE}/foreign-active`);
await statusCase('other-list-revoked', 'a list whose id is another list (says nothing)', 'warning', 'STATUS_LIST_UNVERIFIED', await list(`${BASE}/elsewhere`, issuer, true), `${BASE}/other`);

// RevocationList2020 (VC 1.1, its context shipped pinned): the same rule as every other mechanism.
const RL2020 = ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc-revocation-list-2020/v1', 'https://w3id.org/security/data-integrity/v2'];
async function rl2020Case(name: string, cls: string, expected: string, code: string, revoked: boolean): Promise<void> {
  const listUrl = `${BASE}/rl2020-${name}`;
  const listValue = await signDi(
    {
      '@context': RL2020,
      id: listUrl,
      type: ['VerifiableCredential', 'RevocationList2020Credential'],
      issuer: issuer.did,
      issuanceDate: '2026-01-01T00:00:00Z',
      credentialSubject: { id: `${listUrl}#list`, type: 'RevocationList2020', encodedList: encoded(revoked).slice(1) },
    },
    issuer,
  );
  write(`lists/rl2020-${name}.json`, listValue);
  index[listUrl] = `lists/rl2020-${name}.json`;
  const vc = await signDi(
    {
      '@context': RL2020,
      id: `https://university.example/credentials/rl2020-${name}`,
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      issuanceDate: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
      credentialStatus: { id: `${listUrl}#${INDEX}`, type: 'RevocationList2020Status', revocationListIndex: String(INDEX), revocationListCredential: listUrl },
    },
    issuer,
  );
  write(`rl2020-${name}.json`, vc);
  manifest.push({ file: `rl2020-${name}.json`, expected, code, class: cls });
}
await rl2020Case('own-list-active', "RevocationList2020: the issuer's own list, not revoked", 'warning', 'STATUS_ACTIVE', false);
await rl2020Case('own-list-revoked', "RevocationList2020: the issuer's own list, revoked", 'invalid', 'STATUS_REVOKED', true);

const badgeKey = newKey();
write(
  'ob3-schema-broken.json',
  await signObDi(openBadge(badgeKey.did, { issuer: { id: badgeKey.did, type: ['Profile'], name: 'Example University', image: 'https://example.edu/logo.png' } }), badgeKey),
);
manifest.push({ file: 'ob3-schema-broken.json', expected: 'warning', code: 'SCHEMA_INVALID', class: 'genuine Open Badge 3.0 that breaks the 1EdTech schema (issuer.image as a URL string)' });

const headerKey = await generateKeyPair('ES256', { extractable: true });
const jwt = await new SignJWT({
  iss: 'https://famous-university.example',
  nbf: Date.parse('2026-01-01T00:00:00Z') / 1000,
  vc: {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiableCredential'],
    issuer: 'https://famous-university.example',
    issuanceDate: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner', degree: 'MSc Computer Science' },
  },
})
  .setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk: await exportJWK(headerKey.publicKey) })
  .sign(headerKey.privateKey);
write('vc-jwt-header-only-key.jwt', `${jwt}\n`);
manifest.push({ file: 'vc-jwt-header-only-key.jwt', expected: 'unverifiable', code: 'KEY_HEADER_ONLY', class: 'VC-JWT whose only key is a jwk in its own header' });

write('index.json', index);
write('MANIFEST.json', manifest);
console.log(`test/fixtures/verdicts: ${manifest.length} fixtures, ${Object.keys(index).length} lists`);
