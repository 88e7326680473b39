import { dataAnalysisVcJwt, didJwkIssuer } from './did-jwk-issuer.js';
import { createOb2Issuer, itxt, json, png, pngChunk, text, type Routes } from './ob2-issuer.js';

/**
 * The credentials the extension tests find on their pages, signed at test time with fresh keys:
 * Open Badges 2.0 hosted assertions behind Credly-like badge links, a VC-JWT (did:jwk) behind a
 * hosted link and pasted as text, a revoked badge, and a link whose platform answers 404.
 */
export const IDS = {
  good: '11111111-2222-4333-8444-555555555555',
  revoked: '22222222-3333-4444-8555-666666666666',
  gone: '33333333-4444-4555-8666-777777777777',
  slow: '44444444-5555-4666-8777-888888888888',
  later: '55555555-6666-4777-8888-999999999999',
  qr: '66666666-7777-4888-8999-aaaaaaaaaaaa',
} as const;

export const CREDLY = 'https://api.credly.com';
export const badgePage = (id: string): string => `https://www.credly.com/badges/${id}/public_url`;
export const JWT_URL = 'https://certs.northwind-academy.eu/certificates/jane-doe-data-analysis.json';

export interface ExtensionIssuers {
  routes: Routes;
  vcJwt: string;
}

export async function createExtensionIssuers(): Promise<ExtensionIssuers> {
  const ob2 = await createOb2Issuer(CREDLY, { name: 'Northwind Academy' });
  ob2.badge.name = 'Data Analysis with Python';
  ob2.routes.set(ob2.badgeId, json(ob2.badge));
  const path = (id: string) => `/v1/obi/v2/badge_assertions/${id}`;
  ob2.hostedAssertion(path(IDS.good));
  ob2.hostedAssertion(path(IDS.later));
  ob2.hostedAssertion(path(IDS.qr));
  ob2.hostedAssertion(path(IDS.revoked), { revoked: true, revocationReason: 'Issued in error' });
  ob2.routes.set(`${CREDLY}${path(IDS.gone)}`, () => new Response('not found', { status: 404 }));

  // VC-JWT (VC 1.1) signed by a did:jwk issuer.
  const vcJwt = await dataAnalysisVcJwt(await didJwkIssuer());
  ob2.routes.set(JWT_URL, text(vcJwt, 'application/jwt'));
  ob2.routes.set(String(ob2.badge.image), text(badgeSvg(), 'image/svg+xml'));
  return { routes: ob2.routes, vcJwt };
}

/** A visible badge (SVG); with `assertionUrl`, baked (Open Badges 2.0: `openbadges:assertion verify=`). */
export function badgeSvg(assertionUrl?: string): string {
  const baked = assertionUrl ? `<openbadges:assertion verify="${assertionUrl}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="120" height="120" viewBox="0 0 120 120">${baked}
<polygon points="60,4 110,32 110,88 60,116 10,88 10,32" fill="#0b5cab"/><polygon points="60,14 101,37 101,83 60,106 19,83 19,37" fill="#fff" opacity=".15"/>
<text x="60" y="58" font-family="Arial" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">DATA</text>
<text x="60" y="80" font-family="Arial" font-size="13" fill="#fff" text-anchor="middle">ANALYSIS</text></svg>`;
}

/** A badge image with the hosted assertion's URL baked in (Open Badges 2.0 baking, iTXt "openbadges"). */
export function bakedBadge(assertionUrl: string): Uint8Array {
  return png([pngChunk('iTXt', itxt('openbadges', assertionUrl))]);
}
