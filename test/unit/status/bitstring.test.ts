import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BitstringDecodeError, decodeEncodedList, readStatus } from '../../../lib/status/bitstring.js';
import { statusEntries } from '../../../lib/status/entries.js';

describe('status list bitstrings', () => {
  it('reads bits most significant first, with multi-bit entries', () => {
    const bits = new Uint8Array([0b1000_0001, 0b0110_0000]);
    expect(readStatus(bits, 0)).toBe(1);
    expect(readStatus(bits, 1)).toBe(0);
    expect(readStatus(bits, 7)).toBe(1);
    expect(readStatus(bits, 4, 2)).toBe(0b01);
    expect(readStatus(bits, 16)).toBeUndefined();
  });

  it('decodes multibase (Bitstring) and plain base64url (StatusList2021) GZIP lists', async () => {
    const raw = new Uint8Array([1, 2, 3]);
    const b64 = gzipSync(raw).toString('base64url');
    expect(await decodeEncodedList(`u${b64}`)).toEqual(raw);
    expect(await decodeEncodedList(b64)).toEqual(raw);
  });

  it('rejects a list that decompresses past the cap (zip bomb) without inflating it all', async () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024)).toString('base64url');
    await expect(decodeEncodedList(`u${bomb}`, 1024 * 1024)).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('rejects data that is not GZIP', async () => {
    await expect(decodeEncodedList('uAAAA')).rejects.toBeInstanceOf(BitstringDecodeError);
  });

  it('reports a status entry with a non-numeric index as malformed', () => {
    const [entry] = statusEntries({ credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: 'x', statusListCredential: 'https://a.example/l' } });
    expect(entry?.method).toBe('malformed');
  });
});
