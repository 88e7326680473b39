import { isRecord } from '../util/json.js';

/** One `credentialStatus` entry, normalised across the four status methods Credlens checks. */
export type StatusEntry =
  | { method: 'BitstringStatusList' | 'StatusList2021' | 'RevocationList2020'; purpose: string; index: number; size: number; listUrl: string; raw: Record<string, unknown> }
  | { method: '1EdTechRevocationList'; listUrl: string; raw: Record<string, unknown> }
  | { method: 'unsupported'; type: string; raw: Record<string, unknown> }
  | { method: 'malformed'; reason: string; raw: unknown };

const LIST_TYPES: Record<string, { method: 'BitstringStatusList' | 'StatusList2021' | 'RevocationList2020'; index: string; url: string }> = {
  BitstringStatusListEntry: { method: 'BitstringStatusList', index: 'statusListIndex', url: 'statusListCredential' },
  StatusList2021Entry: { method: 'StatusList2021', index: 'statusListIndex', url: 'statusListCredential' },
  RevocationList2020Status: { method: 'RevocationList2020', index: 'revocationListIndex', url: 'revocationListCredential' },
};

export function statusEntries(credential: Record<string, unknown>): StatusEntry[] {
  const raw = credential.credentialStatus;
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(parseEntry);
}

function parseEntry(raw: unknown): StatusEntry {
  if (!isRecord(raw)) return { method: 'malformed', reason: 'the status entry is not an object', raw };
  const types = (Array.isArray(raw.type) ? raw.type : [raw.type]).filter((t): t is string => typeof t === 'string');
  if (types.includes('1EdTechRevocationList')) {
    return typeof raw.id === 'string' ? { method: '1EdTechRevocationList', listUrl: raw.id, raw } : { method: 'malformed', reason: 'the 1EdTech revocation list entry has no id', raw };
  }
  const known = types.map((t) => LIST_TYPES[t]).find((t) => t !== undefined);
  if (!known) return { method: 'unsupported', type: types.join(', ') || 'untyped', raw };
  const indexValue = raw[known.index];
  const index = typeof indexValue === 'string' && /^\d{1,15}$/.test(indexValue) ? Number(indexValue) : typeof indexValue === 'number' && Number.isSafeInteger(indexValue) && indexValue >= 0 ? indexValue : undefined;
  const listUrl = raw[known.url];
  if (index === undefined) return { method: 'malformed', reason: `${known.index} is not a non-negative integer`, raw };
  if (typeof listUrl !== 'string' || listUrl === '') return { method: 'malformed', reason: `${known.url} is missing`, raw };
  const purpose = known.method === 'RevocationList2020' ? 'revocation' : typeof raw.statusPurpose === 'string' ? raw.statusPurpose : undefined;
  if (!purpose) return { method: 'malformed', reason: 'statusPurpose is missing', raw };
  let size = 1;
  if (raw.statusSize !== undefined) {
    size = Number(raw.statusSize);
    if (!Number.isInteger(size) || size < 1 || size > 8) return { method: 'malformed', reason: 'statusSize is not an integer from 1 to 8', raw };
  }
  return { method: known.method, purpose, index, size, listUrl, raw };
}
