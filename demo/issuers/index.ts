import type { TrustList } from '../../lib/index.js';
import { createDemoIssuer, type DemoIssuer } from '../issuer.js';
import { createDidKeyIssuer, type DidKeyIssuer } from './did-key.js';
import { createDemoOb2Issuer, type DemoOb2Issuer } from './ob2.js';
import { createDemoSealer, type DemoSealer } from './seal.js';
import { DemoStatusList } from './status-list.js';

/**
 * Every identity of the local issuer, with keys made at start-up (never stored): the did:jwk
 * issuer of the JOSE credentials, an Ed25519 and a P-256 did:key (Data Integrity, SD-JWT VC,
 * EBSI), a university's eSeal under a demo certification authority (Europass), and an Open Badges
 * 2.0 issuer that hosts its assertions.
 */
export interface DemoIssuers {
  origin: string;
  jose: DemoIssuer;
  ed25519: DidKeyIssuer;
  p256: DidKeyIssuer;
  sealer: DemoSealer;
  ob2: DemoOb2Issuer;
  /** The learner's wallet key (Ed25519 did:key): signs presentations. */
  holder: DidKeyIssuer;
  /**
   * A status list at an address the Ed25519 issuer's credentials name, but signed by the P-256
   * identity (another party): what the verdict rules call a foreign-signed list.
   */
  foreignStatus: DemoStatusList;
}

export interface Published {
  type: string;
  body: string | Uint8Array;
}

export async function createDemoIssuers(origin: string): Promise<DemoIssuers> {
  const p256 = await createDidKeyIssuer('P-256', `${origin}/status/p256`, `${origin}/statuslists/p256`);
  return {
    origin,
    jose: await createDemoIssuer(origin),
    ed25519: await createDidKeyIssuer('Ed25519', `${origin}/status/ed25519`, `${origin}/statuslists/ed25519`),
    p256,
    sealer: await createDemoSealer(),
    ob2: createDemoOb2Issuer(origin),
    holder: await createDidKeyIssuer('Ed25519', `${origin}/status/holder`, `${origin}/statuslists/holder`),
    foreignStatus: new DemoStatusList(`${origin}/status/foreign`, p256.did, (payload) => p256.signJwt(payload, { typ: 'vc+jwt' })),
  };
}

/**
 * What the issuer serves besides the credentials, by path: status lists (Bitstring Status List
 * credentials and IETF token status lists) and the Open Badges 2.0
 * documents. Made after the examples, which decide what is revoked.
 */
export async function publishedDocuments(issuers: DemoIssuers): Promise<Map<string, Published>> {
  const out = new Map<string, Published>();
  out.set('/status/1', { type: 'application/vc+jwt', body: await issuers.jose.statusListCredential() });
  for (const issuer of [issuers.ed25519, issuers.p256]) {
    out.set(new URL(issuer.status.url).pathname, { type: 'application/vc+jwt', body: await issuer.status.credential() });
    out.set(new URL(issuer.tokenStatus.uri).pathname, { type: 'application/statuslist+jwt', body: await issuer.tokenStatus.token() });
  }
  out.set(new URL(issuers.foreignStatus.url).pathname, { type: 'application/vc+jwt', body: await issuers.foreignStatus.credential() });
  for (const [path, document] of issuers.ob2.documents()) out.set(path, { type: 'application/ld+json', body: JSON.stringify(document, null, 2) });
  return out;
}

/** The job board's trust list: it vouches for every demo identity (new at every start) and anchors the demo CA. */
export function demoTrustList(issuers: DemoIssuers): TrustList {
  return {
    name: 'Demo Jobs trusted issuers',
    source: 'demo',
    issuers: [
      { id: issuers.jose.did, name: 'Local demo issuer (did:jwk)', tier: 'trusted' },
      { id: issuers.ed25519.did, name: 'Local demo issuer (Ed25519 did:key)', tier: 'trusted' },
      { id: issuers.p256.did, name: 'Local demo issuer (P-256 did:key)', tier: 'trusted' },
      { id: issuers.ob2.issuerUrl, name: 'Demo Adult Education Centre (Open Badges 2.0)', tier: 'trusted' },
    ],
    anchors: [issuers.sealer.anchorPem],
  };
}
