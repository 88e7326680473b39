/**
 * France Compétences: the Répertoire national des certifications professionnelles (RNCP) and the
 * Répertoire spécifique (RS), as published in the open-data export "Répertoire national des
 * certifications professionnelles et répertoire spécifique" (data.gouv.fr, France Compétences),
 * CSV edition: `export_fiches_CSV_Standard_<date>.csv` (columns Id_Fiche, Numero_Fiche, Intitule,
 * Abrege_Libelle, Nomenclature_Europe_Niveau, Date_Decision, Date_Fin_Enregistrement, Date_Effet,
 * Type_Enregistrement, Actif, …), `…_Certificateurs_….csv` (Numero_Fiche, Siret_Certificateur,
 * Nom_Certificateur) and `…_Blocs_De_Compétences_….csv` (Numero_Fiche, Bloc_Competences_Code,
 * Bloc_Competences_Libelle); `;`-separated, one header row. Read as the export stood in 2024
 * (column list documented by the export's users; see docs/registries.md).
 *
 * Eligibility: certifications registered in the RNCP or the RS are eligible for the Compte
 * personnel de formation (Code du travail, art. L6323-6); a fiche is counted eligible while the
 * export marks it ACTIVE.
 */
import type { RegistryBlock, RegistryEntry, RegistryProvider, TrainingRegistry } from '../types.js';
import { TRAINING_REGISTRY_FORMAT } from '../types.js';
import { csvRecords, isoDate } from './csv.js';

export interface FranceCompetencesExport {
  /** The "Standard" file: one row per fiche. */
  standard: string;
  certificateurs?: string;
  blocs?: string;
  /** The export's date (its file name carries it), ISO 8601. */
  published?: string;
}

export function importFranceCompetences(files: FranceCompetencesExport): TrainingRegistry & { format: typeof TRAINING_REGISTRY_FORMAT } {
  const providers = groupBy(files.certificateurs ? csvRecords(files.certificateurs) : [], (row): RegistryProvider | undefined => {
    const siret = row.Siret_Certificateur?.replace(/\s+/g, '');
    const name = row.Nom_Certificateur;
    if (!siret && !name) return undefined;
    return { ...(siret ? { legalIdentifier: `FR:${siret}` } : {}), ...(name ? { name } : {}) };
  });
  const blocks = groupBy(files.blocs ? csvRecords(files.blocs) : [], (row): RegistryBlock | undefined =>
    row.Bloc_Competences_Code && row.Bloc_Competences_Libelle ? { code: row.Bloc_Competences_Code, title: row.Bloc_Competences_Libelle } : undefined,
  );
  const entries: RegistryEntry[] = [];
  for (const row of csvRecords(files.standard)) {
    const code = row.Numero_Fiche?.replace(/\s+/g, '').toUpperCase();
    const title = row.Intitule;
    if (!code || !title) continue;
    const scheme = code.startsWith('RNCP') ? 'RNCP' : code.startsWith('RS') ? 'RS' : undefined;
    const level = /^NIV([1-8])$/i.exec(row.Nomenclature_Europe_Niveau ?? '');
    const active = (row.Actif ?? '').toUpperCase() === 'ACTIVE';
    const from = isoDate(row.Date_Effet) ?? isoDate(row.Date_Decision);
    const until = isoDate(row.Date_Fin_Enregistrement);
    const entry: RegistryEntry = { code, title, eligible: active, active };
    if (scheme) entry.scheme = scheme;
    if (level) entry.level = { eqf: Number(level[1]), nqf: `NIV${level[1]}` };
    if (from) entry.registeredFrom = from;
    if (until) entry.registeredUntil = until;
    const number = /^(RNCP|RS)(\d+)$/.exec(code);
    if (number) entry.aliases = [`https://www.francecompetences.fr/recherche/${(number[1] as string).toLowerCase()}/${number[2]}/`];
    const certifiers = providers.get(code);
    if (certifiers?.length) entry.providers = certifiers;
    const parts = blocks.get(code);
    if (parts?.length) entry.blocks = parts;
    entries.push(entry);
  }
  return {
    format: TRAINING_REGISTRY_FORMAT,
    id: 'fr:france-competences:rncp-rs',
    name: 'RNCP and Répertoire spécifique (France Compétences)',
    country: 'FR',
    publisher: 'France Compétences',
    fundingScheme: 'CPF (Mon Compte Formation)',
    ...(files.published ? { published: files.published } : {}),
    source: { publication: 'France Compétences open-data export of the RNCP and RS, CSV edition (export_fiches_CSV)' },
    entries,
  };
}

function groupBy<T>(rows: Record<string, string>[], read: (row: Record<string, string>) => T | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const code = row.Numero_Fiche?.replace(/\s+/g, '').toUpperCase();
    const value = read(row);
    if (!code || value === undefined) continue;
    const list = out.get(code) ?? [];
    list.push(value);
    out.set(code, list);
  }
  return out;
}
