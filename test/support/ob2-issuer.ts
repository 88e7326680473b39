import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { crc32 } from '../../lib/input/baked.js';

/** An Open Badges 2.0 issuer served through the `fetch` seam: issuer profile, badge class, keys, assertions. */

export type Routes = Map<string, () => Response>;

export function json(value: unknown, status = 200): () => Response {
  return () => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/ld+json' } });
}

export function text(body: string | Uint8Array, contentType: string, status = 200): () => Response {
  return () => new Response(body as BodyInit, { status, headers: { 'content-type': contentType } });
}

export function redirect(location: string): () => Response {
  return () => new Response(null, { status: 302, headers: { location } });
}

/** The one network seam for tests: known URLs answer from `routes`, everything else is 404. Records every URL asked. */
export function fakeFetch(routes: Routes, seen: string[] = []) {
  return async (url: string): Promise<Response> => {
    seen.push(url);
    const route = routes.get(url);
    return route ? route() : new Response('not found', { status: 404 });
  };
}

export interface Ob2Issuer {
  origin: string;
  issuerId: string;
  badgeId: string;
  keyId: string;
  privateKey: CryptoKey;
  routes: Routes;
  issuer: Record<string, unknown>;
  badge: Record<string, unknown>;
  hostedAssertion(path: string, extra?: Record<string, unknown>): Record<string, unknown>;
  signedAssertion(extra?: Record<string, unknown>, key?: CryptoKey): Promise<string>;
}

export const RECIPIENT_EMAIL = 'learner@example.org';
export const RECIPIENT_SALT = 'deadsea';

export async function hashedRecipient(email: string, salt: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email + salt)));
  return `sha256$${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function createOb2Issuer(origin = 'https://badges.example.edu', issuerExtra: Record<string, unknown> = {}): Promise<Ob2Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const issuerId = `${origin}/issuer.json`;
  const badgeId = `${origin}/badges/robotics.json`;
  const keyId = `${origin}/keys/1.json`;
  const issuer = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Issuer',
    id: issuerId,
    name: 'Example University',
    url: origin,
    email: 'badges@example.edu',
    publicKey: keyId,
    ...issuerExtra,
  };
  const badge = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'BadgeClass',
    id: badgeId,
    name: 'Robotics Foundations',
    description: 'Built and programmed a line-following robot.',
    image: `${origin}/badges/robotics.png`,
    criteria: { narrative: 'Pass the robotics practical.' },
    issuer: issuerId,
  };
  const key = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'CryptographicKey',
    id: keyId,
    owner: issuerId,
    publicKeyPem: await exportSPKI(publicKey),
  };
  const routes: Routes = new Map([
    [issuerId, json(issuer)],
    [badgeId, json(badge)],
    [keyId, json(key)],
  ]);
  const recipient = { type: 'email', hashed: true, salt: RECIPIENT_SALT, identity: await hashedRecipient(RECIPIENT_EMAIL, RECIPIENT_SALT) };
  return {
    origin,
    issuerId,
    badgeId,
    keyId,
    privateKey,
    routes,
    issuer,
    badge,
    hostedAssertion(path, extra = {}) {
      const id = `${origin}${path}`;
      const assertion = {
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id,
        recipient,
        badge: badgeId,
        issuedOn: '2026-03-01T10:00:00Z',
        evidence: [{ id: `${origin}/evidence/42`, narrative: 'Robot video' }],
        verification: { type: 'HostedBadge' },
        ...extra,
      };
      routes.set(id, json(assertion));
      return assertion;
    },
    async signedAssertion(extra = {}, signingKey = privateKey) {
      const assertion = {
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: 'urn:uuid:5c1b6b0e-2c3f-4a8e-9f35-6f0f1a2b3c4d',
        recipient,
        badge: badgeId,
        issuedOn: '2026-03-01T10:00:00Z',
        verification: { type: 'SignedBadge', creator: keyId },
        ...extra,
      };
      return new CompactSign(new TextEncoder().encode(JSON.stringify(assertion))).setProtectedHeader({ alg: 'RS256' }).sign(signingKey);
    },
  };
}

// ---------------------------------------------------------------- images

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One PNG chunk with its length and CRC, written by hand. */
export function pngChunk(type: string, data: Uint8Array, declaredLength = data.length): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, declaredLength);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function itxt(keyword: string, payload: string | Uint8Array, compressed = false): Uint8Array {
  const enc = new TextEncoder();
  const body = typeof payload === 'string' ? enc.encode(payload) : payload;
  return concat([enc.encode(keyword), Uint8Array.of(0, compressed ? 1 : 0, 0, 0, 0), body]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A 1×1 PNG (IHDR, one IDAT, IEND) with the given extra chunks before IDAT. */
export function png(extraChunks: Uint8Array[] = []): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, 1);
  view.setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  // zlib stream of one filtered RGBA pixel
  const idat = Uint8Array.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01]);
  return concat([Uint8Array.from(PNG_SIGNATURE), pngChunk('IHDR', ihdr), ...extraChunks, pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array())]);
}

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
