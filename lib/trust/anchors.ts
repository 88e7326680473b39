import { validateX5cChain } from '../keys/x509.js';
import type { IssuerCertificates } from './types.js';

/**
 * Whether the issuer's certificate chain reaches one of `anchors` (PEM). The chain is validated
 * again against exactly these anchors, so the answer names the list that holds the anchor, not
 * merely "some anchor". Returns the anchor's subject for the report, or undefined.
 */
export async function chainReachesAnchors(certificates: IssuerCertificates, anchors: readonly string[]): Promise<string | undefined> {
  if (anchors.length === 0 || certificates.x5c.length === 0) return undefined;
  const result = await validateX5cChain(certificates.x5c, {
    at: certificates.at,
    anchors,
    ...(certificates.intermediates ? { intermediates: certificates.intermediates } : {}),
  });
  if (!result.valid || !result.chainsToAnchor || !result.anchor) return undefined;
  return result.anchor.subject.commonName ?? result.anchor.subject.dn;
}
