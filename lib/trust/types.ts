/** Trust tiers shown to people. `unknown` is a warning, not a failure. */
export type TrustTier = 'trusted' | 'known' | 'unknown' | 'untrusted';

/** One issuer a trust list vouches for (or, with tier `untrusted`, warns about). */
export interface TrustedIssuer {
  /** A DID (`did:web:…`, `did:ebsi:…`) or an issuer URL. */
  id?: string;
  /** An https origin whose credentials the list vouches for. */
  origin?: string;
  /** A legal identifier (`VATES-B12345678`, an eIDAS identifier). */
  legalIdentifier?: string;
  name?: string;
  country?: string;
  tier?: Exclude<TrustTier, 'unknown'>;
}

/** A trust list (the JSON format documented in the README). */
export interface TrustList {
  name: string;
  /** Where the list came from, for display. */
  source?: string;
  /** Lists are consulted in the order given; earlier lists have more authority. */
  issuers: TrustedIssuer[];
  /** PEM certificates that anchor eSeal and x5c chains. */
  anchors?: string[];
}
