import { beforeEach, describe, expect, it } from 'vitest';
import type { VerifyContext } from '../../../lib/pipeline/types.js';
import type { VerificationReport } from '../../../lib/report.js';
import { checkStatus, clearStatusListMemo } from '../../../lib/status/index.js';
import { encodedList } from '../formats/vc-di/sign.js';

const LIST_URL = 'https://issuer.example/status/1';
const ISSUER = 'did:key:z6MkIssuer';

function listBytes(setBits: number[]): Uint8Array {
  const list = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: ISSUER,
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodedList(16384, setBits) },
  };
  return new TextEncoder().encode(JSON.stringify(list));
}

function credential(index: number): Record<string, unknown> {
  return {
    credentialStatus: { id: `${LIST_URL}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: LIST_URL },
  };
}

const good: VerificationReport = { verdict: 'warning', format: 'vc-di', checks: [], verifiedAt: '', credential: { issuer: { id: ISSUER } } } as unknown as VerificationReport;
const unreachable: VerificationReport = { verdict: 'unverifiable', format: 'vc-di', checks: [], verifiedAt: '' } as unknown as VerificationReport;

/** A context whose list bytes and nested verdicts the test controls, counting nested verifications. */
function context(state: { bytes: Uint8Array; nested: VerificationReport[]; calls: number; now?: Date }): VerifyContext {
  return {
    io: { get: async () => ({ body: state.bytes }) },
    now: state.now ?? new Date('2026-11-28T00:00:00Z'),
    clockSkewSeconds: 300,
    trustLists: [],
    profile: undefined,
    ebsiApiBase: 'https://api.example',
    verifyNested: async () => {
      state.calls++;
      return state.nested.shift() ?? good;
    },
  } as unknown as VerifyContext;
}

describe('status list memo', () => {
  beforeEach(() => clearStatusListMemo());

  it('verifies a status list once for 1,000 credentials that share it', async () => {
    const state = { bytes: listBytes([7]), nested: [], calls: 0 };
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => checkStatus(credential(i), ISSUER, context(state))));
    expect(state.calls).toBe(1);
    expect(results.filter((r) => r.code === 'STATUS_ACTIVE')).toHaveLength(999);
    expect(results[7]?.code).toBe('STATUS_REVOKED');
  });

  it('verifies the list again when its bytes change', async () => {
    const state = { bytes: listBytes([]), nested: [], calls: 0 };
    expect((await checkStatus(credential(3), ISSUER, context(state))).code).toBe('STATUS_ACTIVE');
    state.bytes = listBytes([3]);
    expect((await checkStatus(credential(3), ISSUER, context(state))).code).toBe('STATUS_REVOKED');
    expect(state.calls).toBe(2);
  });

  it('does not keep a list that failed to verify, so a network failure does not outlive itself', async () => {
    const state = { bytes: listBytes([]), nested: [unreachable], calls: 0 };
    expect((await checkStatus(credential(3), ISSUER, context(state))).code).toBe('STATUS_LIST_UNVERIFIED');
    expect((await checkStatus(credential(3), ISSUER, context(state))).code).toBe('STATUS_ACTIVE');
    expect(state.calls).toBe(2);
  });

  it('verifies the list again when the verification instant moves on', async () => {
    const state = { bytes: listBytes([]), nested: [], calls: 0, now: new Date('2026-11-28T00:00:00Z') };
    await checkStatus(credential(3), ISSUER, context(state));
    state.now = new Date('2027-11-28T00:00:00Z');
    await checkStatus(credential(3), ISSUER, context(state));
    expect(state.calls).toBe(2);
  });

  it('still rejects a shared list issued by someone other than the credential issuer', async () => {
    const state = { bytes: listBytes([]), nested: [], calls: 0 };
    await checkStatus(credential(3), ISSUER, context(state));
    expect((await checkStatus(credential(3), 'did:key:z6MkOther', context(state))).code).toBe('STATUS_LIST_UNVERIFIED');
  });
});
