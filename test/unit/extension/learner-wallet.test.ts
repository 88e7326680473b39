import 'fake-indexeddb/auto';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VerificationHub } from '../../../entrypoints/background/hub.js';
import { ReportStore } from '../../../entrypoints/background/report-store.js';
import { SettingsGate } from '../../../entrypoints/background/settings-gate.js';
import { trainingRegistrySource } from '../../../entrypoints/background/training-registries.js';
import { MemoryCache } from '../../../lib/io/index.js';
import { PACKS } from '../../../entrypoints/common/i18n/index.js';
import { en } from '../../../entrypoints/common/i18n/en.js';
import { acceptRegistryText, bumpRegistriesRevision, REGISTRIES_REVISION_KEY, RegistryStore } from '../../../entrypoints/common/registry-store.js';
import { payloadId, type WalletItem } from '../../../entrypoints/common/wallet.js';
import { buildPresentation, buildZip } from '../../../entrypoints/wallet/export.js';
import { defaultCountry, learnerSummary } from '../../../entrypoints/wallet/summary.js';
import { summariseLearning, TRAINING_REGISTRY_FORMAT, verify, type TrainingRegistry } from '../../../lib/index.js';
import { didJwkIssuer, type DidJwkIssuer } from '../../support/did-jwk-issuer.js';
import { alignedBadge } from '../../support/registry-badges.js';
import { sampleRegistries } from '../../support/registries.js';

const { rncp, own } = sampleRegistries();
const at = new Date('2026-11-28T00:00:00Z');
let n = 0;
const freshStore = () => new RegistryStore(`registries-test-${++n}`);

/** An Open Badges 3.0 VC-JWT issued 2025-06-30 whose achievement is aligned to `code`. */
async function badge(issuer: DidJwkIssuer, code: string, extra: Record<string, unknown> = {}): Promise<string> {
  return alignedBadge(issuer, code, undefined, extra);
}
async function walletItem(text: string, registries: readonly TrainingRegistry[], label = 'c.jwt'): Promise<WalletItem> {
  const payload = { type: 'text' as const, text };
  const report = await verify(text, { at, offline: true, trainingRegistries: registries });
  return { id: await payloadId(payload), addedAt: 1, via: 'file', label, payload, fileName: label, report, verifiedAt: 2 };
}

describe('training registries in IndexedDB', () => {
  it('stores a registry once and finds entries by code, alias and block code; the first listing wins', async () => {
    const store = freshStore();
    const meta = await store.put(rncp, { kind: 'file', name: 'rncp.json' }, 1000);
    expect(meta).toMatchObject({ id: rncp.id, name: rncp.name, entryCount: rncp.entries.length, origin: { kind: 'file', name: 'rncp.json' }, storedAt: 1000 });
    expect(meta).not.toHaveProperty('entries');
    expect((await store.lookup(rncp.id, 'rncp 99901'))?.code).toBe('RNCP99901');
    expect((await store.lookup(rncp.id, 'RNCP99901BC02'))?.code).toBe('RNCP99901');
    expect(await store.lookup(rncp.id, 'RNCP00000')).toBeUndefined();
    await store.put(own, { kind: 'url', url: 'https://registry.example/own.json' }, 2000);
    expect((await store.lookup(own.id, 'urn:epass:qualification:example-0001'))?.code).toBe('QF-EX-0001');
    // The same code in another registry is another registry's business.
    expect(await store.lookup(own.id, 'RNCP99901')).toBeUndefined();

    const loaded = await store.loadAll();
    expect(loaded.map((r) => r.id)).toEqual([rncp.id, own.id]);
    expect(loaded[0]?.entries).toEqual(rncp.entries);
  });

  it('replaces a registry refreshed under the same id, and removes it with all its entries', async () => {
    const store = freshStore();
    await store.put(own, { kind: 'url', url: 'https://registry.example/own.json' }, 1);
    const smaller: TrainingRegistry = { ...own, name: 'Renamed', entries: [{ code: 'QF-EX-0009', title: 'Other', eligible: false }] };
    await store.put(smaller, { kind: 'url', url: 'https://registry.example/own.json' }, 2);
    expect((await store.list()).map((m) => [m.name, m.entryCount])).toEqual([['Renamed', 1]]);
    expect(await store.lookup(own.id, 'QF-EX-0001')).toBeUndefined();
    await store.remove(own.id);
    expect(await store.list()).toEqual([]);
    expect(await store.lookup(own.id, 'QF-EX-0009')).toBeUndefined();
  });

  it('refuses a file that is not a registry, naming the file and the place of the problem', () => {
    expect(() => acceptRegistryText('{"format":', 'broken.json')).toThrow(/^broken\.json: not valid JSON/);
    expect(() => acceptRegistryText(JSON.stringify({ format: TRAINING_REGISTRY_FORMAT, id: 'x', name: 'X', entries: [{ code: 'A' }] }), 'x.json')).toThrow(/^x\.json: registry\.entries\[0\]\.title/);
    expect(() => acceptRegistryText(JSON.stringify({ name: 'trust list', issuers: [] }), 'trust.json')).toThrow(/format/);
    expect(acceptRegistryText(JSON.stringify({ format: TRAINING_REGISTRY_FORMAT, ...own }), 'own.json').entries).toHaveLength(own.entries.length);
  });

  it('the background reads the registries once and hands out the same objects until the options page changes them', async () => {
    const store = freshStore();
    await store.put(own, { kind: 'file', name: 'own.json' });
    const values: Record<string, unknown> = {};
    const area = { get: async (k: string) => ({ [k]: values[k] }), set: async (items: Record<string, unknown>) => void Object.assign(values, items) };
    let reads = 0;
    const counting = { loadAll: () => ((reads += 1), store.loadAll()) };
    const source = trainingRegistrySource(counting, area);
    const first = await source();
    expect(await source()).toBe(first);
    expect(reads).toBe(1);
    await store.put(rncp, { kind: 'file', name: 'rncp.json' });
    await bumpRegistriesRevision(area, 42);
    expect(values[REGISTRIES_REVISION_KEY]).toBe(42);
    const second = await source();
    expect(second.map((r) => r.id)).toEqual([own.id, rncp.id]);
    expect(reads).toBe(2);
  });
});

describe('the background hub', () => {
  it('passes the stored registries to every verification, read from IndexedDB once', async () => {
    const issuer = await didJwkIssuer();
    const store = freshStore();
    await store.put(rncp, { kind: 'file', name: 'rncp.json' });
    const values: Record<string, unknown> = {};
    const local = { get: async (k: string) => (k in values ? { [k]: values[k] } : {}), set: async (items: Record<string, unknown>) => void Object.assign(values, items) };
    const seen: unknown[] = [];
    const hub = new VerificationHub({
      verify: (input, options) => (seen.push(options.trainingRegistries), verify(input, { ...options, at, offline: true })),
      fetch: async () => new Response('x'),
      cache: new MemoryCache(),
      reports: new ReportStore(),
      trustLists: async () => [],
      trainingRegistries: trainingRegistrySource(store, local),
      gate: new SettingsGate({ local }),
      isOriginAllowed: async () => true,
      decodeQr: async () => [],
    });
    const job = async (code: string, id: string) => hub.verify({ reportId: id, kind: 'text', input: await badge(issuer, code), source: 'pasted' }, { via: 'popup' });
    const first = await job('RNCP99901BC01', 'a');
    const second = await job('RS99903', 'b');
    expect(first.report.registry).toMatchObject({ outcome: 'listed', entry: { code: 'RNCP99901' }, block: { code: 'RNCP99901BC01' } });
    expect(second.report.registry).toMatchObject({ outcome: 'listed', entry: { code: 'RS99903' } });
    expect(seen[0]).toBe(seen[1]);
  });
});

describe("the wallet's summary", () => {
  it('groups by qualification and registry, sums workload, marks eligibility and shows block progress from the IndexedDB index', async () => {
    const issuer = await didJwkIssuer();
    const store = freshStore();
    await store.put(rncp, { kind: 'file', name: 'rncp.json' });
    await store.put(own, { kind: 'file', name: 'own.json' });
    const registries = [rncp, own];
    const items = [
      await walletItem(await badge(issuer, 'RNCP99901BC01', { creditsAvailable: 10 }), registries, 'bc01.jwt'),
      await walletItem(await badge(issuer, 'RNCP99901BC03'), registries, 'bc03.jwt'),
      await walletItem(await badge(issuer, 'RS99903'), registries, 'rs.jwt'),
      await walletItem(await badge(issuer, 'RNCP55555'), registries, 'unlisted.jwt'),
      await walletItem(`${(await badge(issuer, 'RNCP99901BC02')).slice(0, -6)}AAAAAA`, registries, 'forged.jwt'),
    ];
    const summary = await learnerSummary(items, store, 'FR');
    // The oracle: lib's summary given the whole registries.
    expect(summary).toEqual(summariseLearning(items.map((i) => ({ id: i.id, report: i.report! })), { registries, country: 'FR' }));
    const web = summary.groups.find((g) => g.code === 'RNCP99901');
    expect(web?.credentials).toHaveLength(2);
    expect(web?.blocks?.obtained.map((b) => b.code)).toEqual(['RNCP99901BC01', 'RNCP99901BC03']);
    expect(web?.blocks?.missing.map((b) => b.code)).toEqual(['RNCP99901BC02']);
    expect(web?.eligible).toBe(true);
    expect(summary.ects).toBe(10);
    expect(summary.eligible).toBe(3);
    expect(summary.excluded).toHaveLength(1);
    expect(summary.groups.find((g) => g.key.endsWith('RNCP55555'))?.registry).toBeUndefined();
    expect(summary.byRegistry).toEqual([expect.objectContaining({ credentials: 3, eligible: 3 })]);

    // In another country nothing French is eligible; with the registry gone, the findings stay and the blocks go.
    expect((await learnerSummary(items, store, 'NL')).eligible).toBe(0);
    await store.remove(rncp.id);
    expect((await learnerSummary(items, store, 'FR')).groups.find((g) => g.code === 'RNCP99901')?.blocks).toBeUndefined();
  });

  it("takes the learner's country from their choice, else their browser's region when a registry serves it", () => {
    expect(defaultCountry('FR', 'de-DE', ['NL'])).toBe('FR');
    expect(defaultCountry('', 'fr-FR', ['FR'])).toBeUndefined();
    expect(defaultCountry(undefined, 'fr-FR', ['FR', 'NL'])).toBe('FR');
    expect(defaultCountry(undefined, 'en', ['NL'])).toBe('NL');
    expect(defaultCountry(undefined, 'en', ['NL', 'FR'])).toBeUndefined();
    expect(defaultCountry(undefined, 'en-US', ['NL', 'FR'])).toBeUndefined();
  });
});

describe('exporting a selection for an application', () => {
  const v1 = JSON.stringify({ '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: 'did:example:i', credentialSubject: { id: 'did:example:l' } });
  const ob2 = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://x.example/a' });
  const text = (id: string, t: string, fileName: string) => ({ id, label: fileName, fileName, payload: { type: 'text' as const, text: t } });

  it('builds a VC 2.0 presentation with JWTs enveloped; images and Open Badges 2.0 assertions go to the zip only', async () => {
    const issuer = await didJwkIssuer();
    const jwt = await badge(issuer, 'RNCP99901BC01');
    const png = { id: 'p', label: 'badge.png', fileName: 'badge.png', payload: { type: 'bytes' as const, base64: 'iVBORw0KGgo=', mediaType: 'image/png' } };
    const { presentation, skipped } = buildPresentation([text('a', jwt, 'a.jwt'), text('b', ob2, 'b.json'), png]);
    expect(presentation['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect(presentation.type).toEqual(['VerifiablePresentation']);
    expect(presentation.verifiableCredential).toEqual([{ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' }]);
    expect(skipped.map((s) => s.fileName)).toEqual(['b.json', 'badge.png']);
    expect(presentation).not.toHaveProperty('proof');

    // What the learner exports is what Credlens (and any VC 2.0 verifier) reads back: the credential inside verifies.
    const back = await verify(JSON.stringify(presentation), { at, offline: true });
    expect(back.presentation?.credentials[0]?.report.verdict).toMatch(/verified|warning/);
  });

  it('keeps a VC 1.1 selection in a 1.1 presentation, JWTs as strings', async () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln';
    const { presentation } = buildPresentation([text('a', v1, 'a.json'), text('b', jwt, 'b.jwt')]);
    expect(presentation['@context']).toEqual(['https://www.w3.org/2018/credentials/v1']);
    expect(presentation.verifiableCredential).toEqual([JSON.parse(v1), jwt]);
  });

  it('zips every selected file under a unique name, with the presentation and a summary of the last checks', async () => {
    const issuer = await didJwkIssuer();
    const item = await walletItem(await badge(issuer, 'RNCP99901BC01'), [rncp], 'web.jwt');
    const png = { id: 'p', label: 'badge.png', fileName: 'web.jwt', payload: { type: 'bytes' as const, base64: 'iVBORw0KGgo=', mediaType: 'image/png' } };
    const zip = buildZip([item, png, text('c', ob2, 'assertion.json')], new Date('2026-12-01T10:00:00Z'));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['assertion.json', 'credlens-summary.json', 'presentation.json', 'web (2).jwt', 'web.jwt']);
    expect(strFromU8(files['web.jwt']!)).toBe((item.payload as { text: string }).text);
    expect([...files['web (2).jwt']!]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const presentation = JSON.parse(strFromU8(files['presentation.json']!));
    expect(presentation.verifiableCredential).toHaveLength(1);
    const summary = JSON.parse(strFromU8(files['credlens-summary.json']!));
    expect(summary.exportedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(summary.credentials[0]).toMatchObject({ file: 'web.jwt', verdict: item.report!.verdict, registry: { outcome: 'listed', code: 'RNCP99901', block: 'RNCP99901BC01', eligible: true } });
    expect(summary.credentials[1]).toEqual({ file: 'web (2).jwt', title: 'badge.png' });
  });

  it('leaves the presentation out of a zip of files that cannot be presented', () => {
    const files = unzipSync(buildZip([text('c', ob2, 'assertion.json')]));
    expect(Object.keys(files).sort()).toEqual(['assertion.json', 'credlens-summary.json']);
  });
});

describe('the extension’s registry and wallet strings', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('are in all six languages, each with the placeholders of the English', () => {
    for (const [lang, pack] of Object.entries(PACKS)) {
      for (const [section, strings] of Object.entries(en)) {
        for (const [key, english] of Object.entries(strings)) {
          const own = (pack as unknown as Record<string, Record<string, string>>)[section]?.[key];
          expect(own, `${lang}.${section}.${key}`).toBeTruthy();
          expect(placeholders(own!), `${lang}.${section}.${key}`).toEqual(placeholders(english));
          if (lang !== 'en' && english.length > 20) expect(own, `${lang}.${section}.${key} is translated`).not.toBe(english);
        }
      }
    }
  });
});
