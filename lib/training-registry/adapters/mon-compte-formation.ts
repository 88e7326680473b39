/**
 * Mon Compte Formation: the catalogue of training offers bookable with the Compte personnel de
 * formation, as published by the Caisse des Dépôts on its open-data portal (dataset
 * `moncompteformation_catalogueformation`, JSON export of the Opendatasoft API v2.1: one object
 * per offer with date_extract, siret, nom_of, numero_formation, intitule_formation,
 * type_referentiel, code_rncp, code_inventaire, intitule_certification, nombre_heures_total_mean, …).
 *
 * Every offer in the catalogue can be paid for from the account, so every certification it leads
 * to is `eligible`; the providers are the training organisations offering it (by SIRET). Offers
 * that lead to no RNCP or RS certification are counted in `skipped`, not imported.
 */
import { isRecord } from '../../util/json.js';
import type { RegistryEntry, TrainingRegistry } from '../types.js';
import { TRAINING_REGISTRY_FORMAT } from '../types.js';
import { isoDate } from './csv.js';

export function importMonCompteFormation(offers: unknown): { registry: TrainingRegistry & { format: typeof TRAINING_REGISTRY_FORMAT }; skipped: number } {
  const rows = Array.isArray(offers) ? offers : isRecord(offers) && Array.isArray(offers.results) ? offers.results : undefined;
  if (!rows) throw new TypeError('Mon Compte Formation export: expected a JSON array of offers (or { "results": [...] })');
  const byCode = new Map<string, { entry: RegistryEntry; hours: number[]; sirets: Set<string> }>();
  let skipped = 0;
  let published: string | undefined;
  for (const row of rows) {
    if (!isRecord(row)) {
      skipped++;
      continue;
    }
    const code = certificationCode(row);
    const title = str(row.intitule_certification) ?? str(row.intitule_formation);
    if (!code || !title) {
      skipped++;
      continue;
    }
    published ??= isoDate(str(row.date_extract));
    let group = byCode.get(code);
    if (!group) {
      group = { entry: { code, scheme: code.startsWith('RNCP') ? 'RNCP' : 'RS', title, eligible: true, active: true, providers: [] }, hours: [], sirets: new Set() };
      byCode.set(code, group);
    }
    const hours = Number(row.nombre_heures_total_mean);
    if (Number.isFinite(hours) && hours > 0) group.hours.push(hours);
    const siret = str(row.siret) ?? str(row.siret_of);
    if (siret && !group.sirets.has(siret)) {
      group.sirets.add(siret);
      group.entry.providers?.push({ legalIdentifier: `FR:${siret}`, ...(str(row.nom_of) ? { name: str(row.nom_of) as string } : {}) });
    }
  }
  const entries = [...byCode.values()].map(({ entry, hours }) => {
    if (hours.length) entry.hours = Math.round(hours.reduce((a, b) => a + b, 0) / hours.length);
    if (!entry.providers?.length) delete entry.providers;
    return entry;
  });
  return {
    registry: {
      format: TRAINING_REGISTRY_FORMAT,
      id: 'fr:caisse-des-depots:mon-compte-formation',
      name: 'Mon Compte Formation catalogue (Caisse des Dépôts)',
      country: 'FR',
      publisher: 'Caisse des Dépôts',
      fundingScheme: 'CPF (Mon Compte Formation)',
      ...(published ? { published } : {}),
      source: { publication: 'moncompteformation_catalogueformation, Opendatasoft JSON export' },
      entries,
    },
    skipped,
  };
}

function certificationCode(row: Record<string, unknown>): string | undefined {
  const kind = str(row.type_referentiel)?.toUpperCase();
  const rncp = str(row.code_rncp);
  const rs = str(row.code_inventaire);
  if ((kind === 'RNCP' || !kind) && rncp && /^\d+$/.test(rncp)) return `RNCP${rncp}`;
  if ((kind === 'RS' || !kind) && rs && /^\d+$/.test(rs)) return `RS${rs}`;
  return undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
