/**
 * Large training registries (docs/registries.md, "Large registries"): a generated France
 * Compétences export of 200,000 fiches (Standard, Certificateurs and Blocs de compétences files,
 * as `credlens registry import --from france-competences` reads them) is imported, written with its
 * file index, then opened two ways side by side: through the index, and parsed whole with the
 * in-memory index built. Lookups are timed one by one on codes, block codes, pages and misses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexOf, parseTrainingRegistry, type TrainingRegistry } from '../../lib/training-registry/index.js';
import { importRegistry, writeRegistryFiles } from '../../node/registry-files.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { formatMs, median, percentile } from '../table.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

export interface RegistryBench {
  entries: number;
  keys: number;
  csvBytes: number;
  jsonBytes: number;
  indexBytes: number;
  importMs: number;
  writeMs: number;
  /** Opening the registry through its file index (read both files, check, no parse of the entries). */
  indexedLoadMs: number[];
  /** Reading the same registry file whole: JSON.parse, validation, and the in-memory index built. */
  wholeLoadMs: number[];
  /** One lookup each, in microseconds: through the file index, and in the in-memory map. */
  indexedLookupUs: number[];
  memoryLookupUs: number[];
  hits: number;
  lookups: number;
  /** Heap of a process that opened the registry through its index and made the lookups. */
  indexedHeapMB: number;
}

const ENTRIES = 200_000;

/** A France Compétences export of `n` fiches (RNCP with three blocks each, every fourth an RS), deterministic. */
export function generateFranceCompetences(n: number): { standard: string; certificateurs: string; blocs: string } {
  const standard = ['Id_Fiche;Numero_Fiche;Intitule;Abrege_Libelle;Abrege_Intitule;Nomenclature_Europe_Niveau;Nomenclature_Europe_Intitule;Accessible_Nouvelle_Caledonie;Accessible_Polynesie_Francaise;Date_dernier_jo;Date_Decision;Date_Fin_Enregistrement;Date_Effet;Type_Enregistrement;Validation_Partielle;Actif'];
  const certificateurs = ['Numero_Fiche;Siret_Certificateur;Nom_Certificateur'];
  const blocs = ['Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle'];
  for (let i = 0; i < n; i++) {
    const rs = i % 4 === 3;
    const code = `${rs ? 'RS' : 'RNCP'}${100000 + i}`;
    const level = rs ? '' : `NIV${3 + (i % 6)}`;
    const year = 2015 + (i % 10);
    const active = i % 7 === 0 ? 'INACTIVE' : 'ACTIVE';
    standard.push(`${i + 1};${code};Certification professionnelle d'exemple numéro ${i} en gestion et numérique;TP;Titre professionnel;${level};${level ? `Niveau ${level.slice(3)}` : ''};Non;Non;;01/03/${year};28/02/${year + 5};01/03/${year};Enregistrement sur demande;Oui;${active}`);
    certificateurs.push(`${code};${String(10000000000000 + i * 37).padStart(14, '0')};Organisme certificateur ${i % 5000}`);
    if (!rs) for (let b = 1; b <= 3; b++) blocs.push(`${code};${code}BC0${b};Bloc de compétences ${b} de la certification ${i}`);
  }
  return { standard: standard.join('\n'), certificateurs: certificateurs.join('\n'), blocs: blocs.join('\n') };
}

export async function measureRegistry(options: { quick: boolean; entries?: number }, log: (line: string) => void): Promise<RegistryBench> {
  const n = options.entries ?? ENTRIES;
  const dir = mkdtempSync(join(tmpdir(), 'credlens-bench-registry-'));
  try {
    log(`registry: generating a France Compétences export of ${n.toLocaleString('en')} fiches`);
    const exported = generateFranceCompetences(n);
    const files = Object.entries(exported).map(([kind, text]) => {
      const path = join(dir, `export_fiches_CSV_${kind}_2026-11-01.csv`);
      writeFileSync(path, text);
      return path;
    });
    const csvBytes = Object.values(exported).reduce((sum, text) => sum + Buffer.byteLength(text), 0);

    log('registry: import (credlens registry import --from france-competences)');
    let t = performance.now();
    const { registry } = await importRegistry({ from: 'france-competences', files });
    const importMs = performance.now() - t;
    const path = join(dir, 'registry.json');
    t = performance.now();
    const written = await writeRegistryFiles(registry, path);
    const writeMs = performance.now() - t;

    const rounds = options.quick ? 3 : 7;
    const lookups = options.quick ? 5_000 : 20_000;
    const codes = lookupCodes(n, lookups);
    // The file index in fresh processes, as the CLI and the server open it (not beside this process's
    // 200,000 imported entries, whose garbage collection would be timed with the lookups).
    log(`registry: opening it through its index in ${rounds} fresh processes, ${lookups.toLocaleString('en')} lookups each`);
    const codesFile = join(dir, 'codes.json');
    writeFileSync(codesFile, JSON.stringify(codes));
    const indexedLoadMs: number[] = [];
    const indexedLookupUs: number[] = [];
    let answers: Array<string | null> = [];
    let indexedHeapMB = 0;
    for (let round = 0; round < rounds; round++) {
      const { stdout } = await run(process.execPath, [join(root, 'bin/run-ts.mjs'), join(root, 'bench/registry-child.ts'), path, codesFile], { maxBuffer: 64 * 1024 * 1024 });
      const child = JSON.parse(stdout) as { loadMs: number; lookupUs: number[]; answers: Array<string | null>; heapMB: number };
      indexedLoadMs.push(child.loadMs);
      indexedLookupUs.push(...child.lookupUs);
      answers = child.answers;
      indexedHeapMB = child.heapMB;
    }

    log(`registry: parsing it whole ${rounds} times, the same lookups in memory`);
    const wholeLoadMs: number[] = [];
    let whole: TrainingRegistry | undefined;
    for (let round = 0; round < rounds; round++) {
      whole = undefined;
      t = performance.now();
      whole = parseTrainingRegistry(JSON.parse(await readFile(path, 'utf8')));
      indexOf(whole).lookup('RNCP100000');
      wholeLoadMs.push(performance.now() - t);
    }
    const memoryIndex = indexOf(whole!);
    const memoryLookupUs: number[] = [];
    let hits = 0;
    codes.forEach((code, k) => {
      t = performance.now();
      const found = memoryIndex.lookup(code);
      memoryLookupUs.push((performance.now() - t) * 1000);
      const answer = found ? `${found.entry.code}/${found.block?.code ?? ''}` : null;
      if (answer !== answers[k]) throw new Error(`registry bench: the file index and the in-memory index disagree on ${code}`);
      if (found) hits++;
    });
    return {
      entries: n,
      keys: written.keys,
      csvBytes,
      jsonBytes: written.jsonBytes,
      indexBytes: written.indexBytes,
      importMs,
      writeMs,
      indexedLoadMs,
      wholeLoadMs,
      indexedLookupUs,
      memoryLookupUs,
      hits,
      lookups,
      indexedHeapMB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Codes as credentials write them: codes, spaced codes, block codes, France Compétences pages, and a fifth that no registry lists. Deterministic. */
function lookupCodes(n: number, count: number): string[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor(rand() * n);
    const rs = i % 4 === 3;
    const number = 100000 + i;
    switch (k % 5) {
      case 0:
        out.push(`${rs ? 'RS' : 'RNCP'}${number}`);
        break;
      case 1:
        out.push(rs ? `RS ${number}` : `RNCP${number}BC0${1 + (k % 3)}`);
        break;
      case 2:
        out.push(`https://www.francecompetences.fr/recherche/${rs ? 'rs' : 'rncp'}/${number}/`);
        break;
      case 3:
        out.push(`rncp ${number}`);
        break;
      default:
        out.push(`RNCP${900000 + i}`);
    }
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const us = (value: number) => (value >= 1000 ? formatMs(value / 1000) : `${value.toFixed(1)} µs`);

export function renderRegistry(r: RegistryBench): string[] {
  const indexedLoad = median(r.indexedLoadMs);
  const wholeLoad = median(r.wholeLoadMs);
  return [
    `Training registry: ${r.entries.toLocaleString('en')} generated entries (${r.keys.toLocaleString('en')} keys: codes, pages, block codes)`,
    `  import (France Compétences CSV, ${mb(r.csvBytes)})   ${formatMs(r.importMs)}`,
    `  write registry + index            ${formatMs(r.writeMs)}  (${mb(r.jsonBytes)} JSON, ${mb(r.indexBytes)} index)`,
    `  open through the file index       ${formatMs(indexedLoad)} median of ${r.indexedLoadMs.length} fresh processes (heap after the lookups ${r.indexedHeapMB.toFixed(0)} MB)`,
    `  open by parsing it whole          ${formatMs(wholeLoad)} median of ${r.wholeLoadMs.length}  (the index opens ${(wholeLoad / indexedLoad).toFixed(0)}× faster)`,
    `  lookup through the file index     p50 ${us(percentile(r.indexedLookupUs, 50))}  p99 ${us(percentile(r.indexedLookupUs, 99))}  max ${us(Math.max(...r.indexedLookupUs))}`,
    `  lookup in the in-memory index     p50 ${us(percentile(r.memoryLookupUs, 50))}  p99 ${us(percentile(r.memoryLookupUs, 99))}`,
    `  ${r.lookups.toLocaleString('en')} lookups, ${r.hits.toLocaleString('en')} found; both indexes gave the same answer for every one`,
  ];
}
