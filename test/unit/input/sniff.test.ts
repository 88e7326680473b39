import { describe, expect, it } from 'vitest';
import { sniff } from '../../../lib/input/sniff.js';
import { classify } from '../../../lib/formats/classify.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sniff and classify', () => {
  it('recognises a VC-JWT by its vc claim', () => {
    const jwt = `${b64({ alg: 'EdDSA' })}.${b64({ iss: 'did:key:z6Mk', vc: { type: ['VerifiableCredential'] } })}.sig`;
    expect(classify(sniff(jwt)).format).toBe('vc-jwt');
  });
  it('recognises an EBSI attestation by its did:ebsi issuer', () => {
    const jwt = `${b64({ alg: 'ES256' })}.${b64({ iss: 'did:ebsi:zabc', vc: { type: ['VerifiableCredential', 'VerifiableAttestation'] } })}.sig`;
    expect(classify(sniff(jwt)).format).toBe('ebsi-jwt');
  });
  it('recognises VC-JOSE by typ', () => {
    const jwt = `${b64({ alg: 'ES256', typ: 'vc+jwt' })}.${b64({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] })}.sig`;
    expect(classify(sniff(jwt)).format).toBe('vc-jose');
  });
  it('recognises an SD-JWT by its tildes', () => {
    const sd = `${b64({ alg: 'ES256', typ: 'dc+sd-jwt' })}.${b64({ vct: 'x' })}.sig~WyJhIiwiYiIsImMiXQ~`;
    expect(classify(sniff(sd)).format).toBe('sd-jwt-vc');
  });
  it('recognises a JAdES-sealed EDC in JSON serialisation', () => {
    const jws = { payload: '{"@context":["http://data.europa.eu/snb/model/context/edc-ap"]}', signatures: [{ protected: b64({ alg: 'RS256', b64: false, sigT: '2024-01-01T00:00:00Z' }), signature: 'x' }] };
    expect(classify(sniff(JSON.stringify(jws))).format).toBe('edc');
  });
  it('recognises an OB 2.0 assertion and a Data Integrity VC', () => {
    expect(classify(sniff({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', badge: 'x', recipient: {} })).format).toBe('ob2-hosted');
    expect(classify(sniff({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], proof: {} })).format).toBe('vc-di');
  });
  it('recognises PNG bytes and SVG text', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).kind).toBe('png');
    expect(sniff('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>').kind).toBe('svg');
  });
  it('rejects a lone base64url segment with an explanation (malformed JWT)', () => {
    expect(() => sniff('eyJhbGciOiJSUzI1NiJ9')).toThrowError(/header, a payload and a signature/);
  });
  it('rejects an oversized credential before parsing it', () => {
    expect(() => sniff('{"a":"' + 'x'.repeat(3 * 1024 * 1024) + '"}')).toThrowError(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
  });
});
