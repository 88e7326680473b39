/** The fetch function the one network seam calls. Tests replace it; nothing else may call fetch. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What a remote read is for: decides cache lifetime and the message when it fails. */
export type ResourceKind =
  | 'credential'
  | 'did-document'
  | 'controller-document'
  | 'status-list'
  | 'schema'
  | 'issuer-profile'
  | 'badge-class'
  | 'public-key'
  | 'trust-list'
  | 'image'
  | 'metadata'
  | 'page';

/** Offline resources: absolute URLs and DIDs mapped to their bytes (docs/report.md `--resources`). */
export interface ResourceBundle {
  get(id: string): Promise<Uint8Array | undefined>;
}

export interface CachedResource {
  url: string;
  finalUrl: string;
  contentType?: string;
  body: Uint8Array;
}

/** A cache of successful reads. Failures are never cached, so a retry later can succeed. */
export interface ResourceCache<V = CachedResource> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlSeconds: number): Promise<void>;
}

export interface IoResponse {
  /** The URL asked for. */
  url: string;
  /** The URL the bytes came from after redirects (same as `url` for bundle hits). */
  finalUrl: string;
  contentType?: string;
  body: Uint8Array;
  from: 'bundle' | 'cache' | 'network';
}

export interface GetOptions {
  kind: ResourceKind;
  accept?: string;
  maxBytes?: number;
  /** Overrides the kind's default cache lifetime; 0 disables caching for this read. */
  cacheTtlSeconds?: number;
}

export interface NetworkPolicy {
  /** Allow plain `http:` (development and local demos only). */
  allowHttp: boolean;
  /** Allow loopback and private addresses (tests and local demos only). */
  allowPrivateNetwork: boolean;
  /** Resolves a host name to addresses so they can be checked before connecting (Node shell). */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** `manual` follows redirects here and checks every hop; `follow` lets the platform follow them. */
  redirect: 'manual' | 'follow';
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface Io {
  readonly offline: boolean;
  get(url: string, options: GetOptions): Promise<IoResponse>;
  getJson(url: string, options: GetOptions): Promise<{ value: unknown; response: IoResponse }>;
  /** Bundle only: for identifiers that are not URLs (DIDs, key ids). */
  fromBundle(id: string): Promise<Uint8Array | undefined>;
}
