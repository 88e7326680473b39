/**
 * The file index of a large training registry (docs/registries.md, "Large registries"): a registry
 * file in our JSON format written one entry per line, and beside it a compact binary index of every
 * key (code, alias, block code) sorted by its UTF-8 bytes, each pointing at the byte span of its
 * entry in the registry file. Opening both costs a read of the two files and no JSON parse of the
 * entries; a lookup is a binary search over the keys, a read of one entry's bytes and its parse,
 * well under 1 ms (the benchmark's registry rows). The registry file itself need not be in memory:
 * node/registry-files.ts reads each entry's span from the open file. Written by hand: no library stores a sorted string table with
 * byte spans into a JSON file, and the format is small. Platform-neutral (bytes in, bytes out):
 * node/registry-files.ts reads and writes the files.
 *
 * Index layout, little-endian, every table 4-byte aligned:
 *   "CLRI" u16 version=1 u16 0 | u32 headerLength | header JSON (IndexHeader), padded to 4 |
 *   u32 keyCount | u32 entryCount | u32 keyBytesLength | u32 0 |
 *   u32 keyStart[keyCount + 1] | u32 keyEntry[keyCount] | i32 keyBlock[keyCount] (-1: the entry itself) |
 *   u32 entrySpan[entryCount * 2] (start, end in the registry file) | key bytes, padded to 4
 */
import { codeKey } from './codes.js';
import { parseEntry, TrainingRegistryError } from './parse.js';
import { attachIndex, type IndexedListing, type RegistryLookup } from './registry-index.js';
import { TRAINING_REGISTRY_FORMAT, type RegistryEntry, type TrainingRegistry } from './types.js';

export const REGISTRY_INDEX_FORMAT = 'credlens-registry-index/1';
const MAGIC = [0x43, 0x4c, 0x52, 0x49]; // "CLRI"
const VERSION = 1;
/** Entries checked against their keys when an index is opened: a registry edited after indexing shows up here. */
const SPOT_CHECKS = 16;

export interface IndexHeader {
  format: typeof REGISTRY_INDEX_FORMAT;
  /** The registry's own fields (all but its entries). */
  registry: Omit<TrainingRegistry, 'entries'>;
  /** Size of the registry file the spans point into. */
  registryBytes: number;
  entries: number;
  keys: number;
  schemes: string[];
  created: string;
}

/** Where an index finds the entries: the registry's bytes, or a reader of spans of its file. */
export interface RegistrySpans {
  readonly size: number;
  read(start: number, end: number): Uint8Array;
}

export interface IndexedRegistryFiles {
  /** The registry in our JSON format, one entry per line. */
  json: Uint8Array;
  /** The compact index of `json`. */
  index: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Writes a registry as our JSON format (one entry per line) and its compact index. */
export function writeIndexedRegistry(registry: TrainingRegistry, now = new Date()): IndexedRegistryFiles {
  const { entries, ...meta } = registry;
  const head = JSON.stringify({ format: TRAINING_REGISTRY_FORMAT, ...meta, entries: [] });
  const parts: Uint8Array[] = [encoder.encode(`${head.slice(0, -2)}\n`)];
  let offset = parts[0]!.length;
  const spans = new Uint32Array(entries.length * 2);
  const comma = encoder.encode(',\n');
  const keys = new Map<string, { entry: number; block: number }>();
  const schemes = new Set<string>();
  entries.forEach((entry, i) => {
    if (i > 0) {
      parts.push(comma);
      offset += comma.length;
    }
    const bytes = encoder.encode(JSON.stringify(entry));
    spans[i * 2] = offset;
    spans[i * 2 + 1] = offset + bytes.length;
    parts.push(bytes);
    offset += bytes.length;
    if (entry.scheme) schemes.add(entry.scheme);
    // The first entry wins, as in the in-memory index (registry-index.ts).
    const add = (code: string, block: number) => {
      const key = codeKey(code);
      if (!keys.has(key)) keys.set(key, { entry: i, block });
    };
    add(entry.code, -1);
    for (const alias of entry.aliases ?? []) add(alias, -1);
    (entry.blocks ?? []).forEach((block, b) => add(block.code, b));
  });
  parts.push(encoder.encode('\n]}\n'));
  const json = concat(parts);
  if (json.length > 0xffffffff) throw new TrainingRegistryError('registry is larger than 4 GB: split it');

  const sorted = [...keys.entries()].map(([key, at]) => ({ bytes: encoder.encode(key), ...at })).sort((a, b) => compareBytes(a.bytes, b.bytes));
  const keyBytesLength = sorted.reduce((n, k) => n + k.bytes.length, 0);
  const header: IndexHeader = {
    format: REGISTRY_INDEX_FORMAT,
    registry: meta,
    registryBytes: json.length,
    entries: entries.length,
    keys: sorted.length,
    schemes: [...schemes],
    created: now.toISOString(),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const tablesAt = align4(12 + headerBytes.length);
  const keyStartAt = tablesAt + 16;
  const keyEntryAt = keyStartAt + (sorted.length + 1) * 4;
  const keyBlockAt = keyEntryAt + sorted.length * 4;
  const spanAt = keyBlockAt + sorted.length * 4;
  const keyBytesAt = spanAt + spans.length * 4;
  const index = new Uint8Array(align4(keyBytesAt + keyBytesLength));
  const view = new DataView(index.buffer);
  index.set(MAGIC, 0);
  view.setUint16(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  index.set(headerBytes, 12);
  view.setUint32(tablesAt, sorted.length, true);
  view.setUint32(tablesAt + 4, entries.length, true);
  view.setUint32(tablesAt + 8, keyBytesLength, true);
  let at = 0;
  sorted.forEach((k, i) => {
    view.setUint32(keyStartAt + i * 4, at, true);
    view.setUint32(keyEntryAt + i * 4, k.entry, true);
    view.setInt32(keyBlockAt + i * 4, k.block, true);
    index.set(k.bytes, keyBytesAt + at);
    at += k.bytes.length;
  });
  view.setUint32(keyStartAt + sorted.length * 4, at, true);
  spans.forEach((v, i) => view.setUint32(spanAt + i * 4, v, true));
  return { json, index };
}

/** The header of an index, without opening the tables (to tell which registry an index belongs to). */
export function readIndexHeader(index: Uint8Array): IndexHeader {
  if (index.length < 12 || MAGIC.some((b, i) => index[i] !== b)) throw new TrainingRegistryError('not a Credlens registry index (no CLRI signature)');
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  const version = view.getUint16(4, true);
  if (version !== VERSION) throw new TrainingRegistryError(`registry index version ${version} is not supported (this Credlens reads version ${VERSION}): rebuild it`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > index.length) throw new TrainingRegistryError('registry index is truncated');
  let header: IndexHeader;
  try {
    header = JSON.parse(decoder.decode(index.subarray(12, 12 + headerLength))) as IndexHeader;
  } catch {
    throw new TrainingRegistryError('registry index header is not valid JSON');
  }
  if (header.format !== REGISTRY_INDEX_FORMAT) throw new TrainingRegistryError(`registry index format must be ${REGISTRY_INDEX_FORMAT}`);
  return header;
}

/**
 * A registry answered from its file index: the returned object has the registry's fields, its
 * lookups go through the index, and its `entries` are parsed only if something asks for them all.
 * Throws TrainingRegistryError when the index does not belong to these bytes (a registry edited
 * or replaced after indexing): rebuild the index with `credlens registry import`.
 */
export function openIndexedRegistry(registryFile: Uint8Array | RegistrySpans, indexBytes: Uint8Array, where = 'registry'): TrainingRegistry {
  const json: RegistrySpans = registryFile instanceof Uint8Array ? { size: registryFile.length, read: (start, end) => registryFile.subarray(start, end) } : registryFile;
  const index = indexBytes.byteOffset % 4 === 0 ? indexBytes : indexBytes.slice();
  const header = readIndexHeader(index);
  if (header.registryBytes !== json.size) {
    throw new TrainingRegistryError(`${where}: the index was built for a registry of ${header.registryBytes} bytes, this one has ${json.size}: rebuild the index`);
  }
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  const tablesAt = align4(12 + view.getUint32(8, true));
  const keyCount = view.getUint32(tablesAt, true);
  const entryCount = view.getUint32(tablesAt + 4, true);
  const keyBytesLength = view.getUint32(tablesAt + 8, true);
  const keyStartAt = tablesAt + 16;
  const keyEntryAt = keyStartAt + (keyCount + 1) * 4;
  const keyBlockAt = keyEntryAt + keyCount * 4;
  const spanAt = keyBlockAt + keyCount * 4;
  const keyBytesAt = spanAt + entryCount * 8;
  if (keyBytesAt + keyBytesLength > index.length) throw new TrainingRegistryError(`${where}: the registry index is truncated`);
  const base = index.byteOffset;
  const keyStart = new Uint32Array(index.buffer, base + keyStartAt, keyCount + 1);
  const keyEntry = new Uint32Array(index.buffer, base + keyEntryAt, keyCount);
  const keyBlock = new Int32Array(index.buffer, base + keyBlockAt, keyCount);
  const spans = new Uint32Array(index.buffer, base + spanAt, entryCount * 2);
  const keyBytes = index.subarray(keyBytesAt, keyBytesAt + keyBytesLength);

  const registry = { ...header.registry } as TrainingRegistry;
  const parsed = new Map<number, RegistryEntry>();
  const entryAt = (i: number): RegistryEntry => {
    let entry = parsed.get(i);
    if (!entry) {
      const start = spans[i * 2]!;
      const end = spans[i * 2 + 1]!;
      if (end > json.size || start >= end) throw new TrainingRegistryError(`${where}: the index points outside the registry: rebuild the index`);
      let value: unknown;
      try {
        value = JSON.parse(decoder.decode(json.read(start, end)));
      } catch {
        throw new TrainingRegistryError(`${where}: the index does not match the registry (entry ${i} is not where it says): rebuild the index`);
      }
      entry = parseEntry(value, `${where}.entries[${i}]`);
      parsed.set(i, entry);
    }
    return entry;
  };
  let all: RegistryEntry[] | undefined;
  Object.defineProperty(registry, 'entries', {
    enumerable: true,
    get: () => (all ??= Array.from({ length: entryCount }, (_, i) => entryAt(i))),
  });

  const find = (key: Uint8Array): number => {
    let lo = 0;
    let hi = keyCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = compareAt(keyBytes, keyStart[mid]!, keyStart[mid + 1]!, key);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const listingAt = (k: number): IndexedListing => {
    const entry = entryAt(keyEntry[k]!);
    const b = keyBlock[k]!;
    const block = b >= 0 ? entry.blocks?.[b] : undefined;
    if (b >= 0 && !block) throw new TrainingRegistryError(`${where}: the index does not match the registry (block ${b} of ${entry.code}): rebuild the index`);
    return block ? { registry, entry, block } : { registry, entry };
  };
  const lookup: RegistryLookup = {
    size: keyCount,
    schemes: header.schemes,
    lookup(code: string) {
      const k = find(encoder.encode(codeKey(code)));
      return k < 0 ? undefined : listingAt(k);
    },
  };
  // A registry edited after it was indexed (same size, other content) fails here rather than answering wrongly.
  for (let s = 0; s < Math.min(SPOT_CHECKS, keyCount); s++) {
    const k = Math.floor((s * (keyCount - 1)) / Math.max(1, SPOT_CHECKS - 1));
    const key = decoder.decode(keyBytes.subarray(keyStart[k]!, keyStart[k + 1]!));
    const { entry, block } = listingAt(k);
    const named = [entry.code, ...(entry.aliases ?? []), ...(block ? [block.code] : [])].map(codeKey);
    if (!named.includes(key)) throw new TrainingRegistryError(`${where}: the index does not match the registry (key ${key}): rebuild the index`);
  }
  attachIndex(registry, lookup);
  return registry;
}

/** compareBytes(bytes[start..end), key) without making a view per comparison (the binary search's inner loop). */
function compareAt(bytes: Uint8Array, start: number, end: number, key: Uint8Array): number {
  const n = Math.min(end - start, key.length);
  for (let i = 0; i < n; i++) {
    const d = bytes[start + i]! - key[i]!;
    if (d !== 0) return d;
  }
  return end - start - key.length;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
