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
  /**
   * Other parties (DIDs or URLs) whose signed status lists you accept as this issuer's: a status
   * provider that signs revocation lists for it. Only lists signed by the issuer itself or by one of
   * these can say "not revoked" (docs/verdicts.md "Revocation").
   */
  statusListSigners?: string[];
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

/**
 * A registry Credlens may ask about an issuer. Registries are consulted only when configured, after
 * the trust lists, in the order given (earlier ones have more authority), and only through the
 * network seam. `tier` is what a hit means to you (default `known`: listed, not vouched for).
 */
export type TrustRegistry =
  /** A Digital Credentials Consortium static registry: `{ "meta": {…}, "registry": { "<DID>": { "name", "location", "url" } } }`. */
  | { kind: 'dcc-registry'; url: string; name?: string; tier?: 'trusted' | 'known' }
  /**
   * An OpenID Federation trust anchor (entity id, an https URL). Its entity configuration and the
   * subordinate statement about the issuer are verified with jose; `jwks` pins the anchor's keys
   * (otherwise the entity configuration must verify with the keys it carries).
   */
  | { kind: 'openid-federation'; trustAnchor: string; name?: string; jwks?: { keys: JsonWebKey[] }; tier?: 'trusted' | 'known' }
  /** The EBSI Trusted Issuers Registry (v5), for `did:ebsi` issuers; `apiBase` defaults to the verification's EBSI API base. */
  | { kind: 'ebsi-tir'; name?: string; apiBase?: string; tier?: 'trusted' | 'known' };

/**
 * The X.509 chain that authenticated the issuer (an eSeal's certificate, an `x5c` header whose key
 * verified the proof), as a format handler reports it for the trust step: which list's anchors it
 * reaches decides which list vouches.
 */
export interface IssuerCertificates {
  /** Base64 DER certificates, the signer's first. */
  x5c: string[];
  /** The instant the chain is judged at (a seal's signing time, otherwise the verification instant). */
  at: Date;
  /** Extra certificates that may complete the path (a JAdES seal's `xVals`). */
  intermediates?: string[];
}

/** What one list or registry said about the issuer, as the trust check's details report it. */
export interface TrustSourceOutcome {
  /** The list's or registry's name. */
  source: string;
  kind: 'list' | TrustRegistry['kind'];
  outcome: 'vouches' | 'knows' | 'untrusted' | 'not-listed' | 'unavailable' | 'not-applicable' | 'not-consulted';
  /** How the issuer was matched: `id`, `origin`, `legalIdentifier`, `anchor`, `registry`. */
  matchedBy?: string;
  /** The name the source gives the issuer. */
  name?: string;
  /** Why the source could not be consulted (an I/O error code and message), or what it said. */
  reason?: string;
}
