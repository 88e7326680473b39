import { p256, p384 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base58, base64urlnopad, hex } from '@scure/base';
import { parseJsonText } from '../input/json.js';
import { isRecord } from '../util/json.js';

/** Multicodec public key types (https://github.com/multiformats/multicodec/blob/master/table.csv). */
export const MULTICODEC = {
  ed25519Pub: 0xed,
  secp256k1Pub: 0xe7,
  p256Pub: 0x1200,
  p384Pub: 0x1201,
  /** EBSI natural-person keys: a JCS-canonical JWK (https://hub.ebsi.eu/vc-framework/did/natural-person). */
  jwkJcsPub: 0xeb51,
} as const;

/** Why key bytes could not become a JWK. */
export class KeyMaterialError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'KeyMaterialError';
  }
}

function readVarint(bytes: Uint8Array): { value: number; length: number } {
  let value = 0;
  for (let i = 0; i < Math.min(bytes.length, 4); i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, length: i + 1 };
  }
  throw new KeyMaterialError('invalid', 'The key\'s multicodec prefix is not a valid varint');
}

function encodeVarint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

function b64u(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

function ecJwk(crv: 'P-256' | 'P-384' | 'secp256k1', point: Uint8Array): JsonWebKey {
  const curve = crv === 'P-256' ? p256 : crv === 'P-384' ? p384 : secp256k1;
  let uncompressed: Uint8Array;
  try {
    uncompressed = curve.Point.fromBytes(point).toBytes(false);
  } catch {
    throw new KeyMaterialError('invalid', `The ${crv} public key is not a point on the curve`);
  }
  const size = (uncompressed.length - 1) / 2;
  return { kty: 'EC', crv, x: b64u(uncompressed.subarray(1, 1 + size)), y: b64u(uncompressed.subarray(1 + size)) };
}

/** A public JWK (no private members) with the members a verifier needs. */
export function publicJwk(value: unknown): JsonWebKey {
  if (!isRecord(value) || typeof value.kty !== 'string') throw new KeyMaterialError('invalid', 'The key is not a JSON Web Key');
  for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) {
    if (secret in value) throw new KeyMaterialError('invalid', 'The published key contains private key material');
  }
  const jwk: JsonWebKey = { kty: value.kty };
  for (const member of ['crv', 'x', 'y', 'n', 'e'] as const) {
    const v = value[member];
    if (v !== undefined) {
      if (typeof v !== 'string') throw new KeyMaterialError('invalid', `The key member "${member}" is not a string`);
      jwk[member] = v;
    }
  }
  switch (jwk.kty) {
    case 'OKP':
      if (jwk.crv !== 'Ed25519' || !jwk.x) throw new KeyMaterialError('unsupported', `OKP keys on curve ${String(jwk.crv)} are not supported`);
      break;
    case 'EC':
      if (!['P-256', 'P-384', 'secp256k1'].includes(String(jwk.crv)) || !jwk.x || !jwk.y) {
        throw new KeyMaterialError('unsupported', `EC keys on curve ${String(jwk.crv)} are not supported`);
      }
      break;
    case 'RSA':
      if (!jwk.n || !jwk.e) throw new KeyMaterialError('invalid', 'The RSA key lacks its modulus or exponent');
      break;
    default:
      throw new KeyMaterialError('unsupported', `Keys of type ${jwk.kty} are not supported`);
  }
  return jwk;
}

/** Multicodec-prefixed key bytes → JWK. */
export function multicodecKeyToJwk(bytes: Uint8Array): JsonWebKey {
  const { value: codec, length } = readVarint(bytes);
  const key = bytes.subarray(length);
  switch (codec) {
    case MULTICODEC.ed25519Pub:
      if (key.length !== 32) throw new KeyMaterialError('invalid', 'An Ed25519 public key is 32 bytes');
      return { kty: 'OKP', crv: 'Ed25519', x: b64u(key) };
    case MULTICODEC.p256Pub:
      return ecJwk('P-256', key);
    case MULTICODEC.p384Pub:
      return ecJwk('P-384', key);
    case MULTICODEC.secp256k1Pub:
      return ecJwk('secp256k1', key);
    case MULTICODEC.jwkJcsPub: {
      let parsed: unknown;
      try {
        parsed = parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(key));
      } catch {
        throw new KeyMaterialError('invalid', 'The jwk_jcs-pub key is not JSON');
      }
      return publicJwk(parsed);
    }
    default:
      throw new KeyMaterialError('unsupported', `Multicodec key type 0x${codec.toString(16)} is not supported`);
  }
}

/** Multibase (base58btc, `z…`) multicodec key → its multicodec type and JWK. */
export function decodeMultibaseKey(multibase: string): { codec: number; jwk: JsonWebKey } {
  if (!multibase.startsWith('z')) throw new KeyMaterialError('unsupported', 'Only base58btc (z…) multibase keys are supported');
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(multibase.slice(1));
  } catch {
    throw new KeyMaterialError('invalid', 'The multibase key is not valid base58btc');
  }
  return { codec: readVarint(bytes).value, jwk: multicodecKeyToJwk(bytes) };
}

/** Multibase (base58btc, `z…`) multicodec key → JWK. */
export function multibaseKeyToJwk(multibase: string): JsonWebKey {
  return decodeMultibaseKey(multibase).jwk;
}

/** The multibase (`z…`) encoding of a JWK as a multicodec key (did:key identifiers). */
export function jwkToMultibase(jwk: JsonWebKey): string {
  const decode = (s: string | undefined): Uint8Array => base64urlnopad.decode(s ?? '');
  let codec: number;
  let key: Uint8Array;
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    codec = MULTICODEC.ed25519Pub;
    key = decode(jwk.x);
  } else if (jwk.kty === 'EC' && (jwk.crv === 'P-256' || jwk.crv === 'P-384' || jwk.crv === 'secp256k1')) {
    codec = jwk.crv === 'P-256' ? MULTICODEC.p256Pub : jwk.crv === 'P-384' ? MULTICODEC.p384Pub : MULTICODEC.secp256k1Pub;
    const curve = jwk.crv === 'P-256' ? p256 : jwk.crv === 'P-384' ? p384 : secp256k1;
    const x = decode(jwk.x);
    const y = decode(jwk.y);
    const raw = new Uint8Array(1 + x.length + y.length);
    raw[0] = 4;
    raw.set(x, 1);
    raw.set(y, 1 + x.length);
    key = curve.Point.fromBytes(raw).toBytes(true);
  } else {
    throw new KeyMaterialError('unsupported', 'Only Ed25519, P-256, P-384 and secp256k1 keys have a multicodec form here');
  }
  const prefix = encodeVarint(codec);
  const bytes = new Uint8Array(prefix.length + key.length);
  bytes.set(prefix);
  bytes.set(key, prefix.length);
  return `z${base58.encode(bytes)}`;
}

/** Raw Ed25519 key in base58 (Ed25519VerificationKey2018 `publicKeyBase58`). */
export function ed25519Base58ToJwk(value: string): JsonWebKey {
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(value);
  } catch {
    throw new KeyMaterialError('invalid', 'publicKeyBase58 is not valid base58');
  }
  if (bytes.length !== 32) throw new KeyMaterialError('invalid', 'An Ed25519 public key is 32 bytes');
  return { kty: 'OKP', crv: 'Ed25519', x: b64u(bytes) };
}

/** A raw secp256k1 point given in base58 or hex (EcdsaSecp256k1VerificationKey2019, older documents). */
export function secp256k1RawToJwk(value: string, encoding: 'base58' | 'hex'): JsonWebKey {
  let bytes: Uint8Array;
  try {
    bytes = encoding === 'hex' ? hex.decode(value.toLowerCase()) : base58.decode(value);
  } catch {
    throw new KeyMaterialError('invalid', `The secp256k1 key is not valid ${encoding}`);
  }
  return ecJwk('secp256k1', bytes);
}

/**
 * The public key of a verification method as a JWK, for the types Credlens supports:
 * Multikey, JsonWebKey2020 / JsonWebKey, Ed25519VerificationKey2018 / 2020,
 * EcdsaSecp256k1VerificationKey2019 (and the key-format members they use).
 */
export function verificationMethodJwk(method: Record<string, unknown>): JsonWebKey {
  // Methods of a DID document derived or read once (frozen, see lib/keys/did.ts and
  // lib/io/parsed-once.ts) give the same frozen JWK every time, so later steps can key on it.
  if (!Object.isFrozen(method)) return methodJwk(method);
  let jwk = jwkOfFrozenMethod.get(method);
  if (jwk === undefined) {
    jwk = Object.freeze(methodJwk(method));
    jwkOfFrozenMethod.set(method, jwk);
  }
  return jwk;
}

const jwkOfFrozenMethod = new WeakMap<Record<string, unknown>, JsonWebKey>();

function methodJwk(method: Record<string, unknown>): JsonWebKey {
  const type = typeof method.type === 'string' ? method.type : '';
  if (isRecord(method.publicKeyJwk)) return publicJwk(method.publicKeyJwk);
  if (typeof method.publicKeyMultibase === 'string') {
    const jwk = multibaseKeyToJwk(method.publicKeyMultibase);
    if (type === 'Ed25519VerificationKey2020' && jwk.crv !== 'Ed25519') throw new KeyMaterialError('invalid', 'An Ed25519VerificationKey2020 must hold an Ed25519 key');
    return jwk;
  }
  if (typeof method.publicKeyBase58 === 'string') {
    if (type === 'Ed25519VerificationKey2018' || type === 'Ed25519VerificationKey2020') return ed25519Base58ToJwk(method.publicKeyBase58);
    if (type === 'EcdsaSecp256k1VerificationKey2019') return secp256k1RawToJwk(method.publicKeyBase58, 'base58');
  }
  if (typeof method.publicKeyHex === 'string' && type === 'EcdsaSecp256k1VerificationKey2019') return secp256k1RawToJwk(method.publicKeyHex, 'hex');
  throw new KeyMaterialError('unsupported', `Verification method type "${type || 'unknown'}" with this key format is not supported`);
}
