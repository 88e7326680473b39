import type { TrainingRegistry } from '../lib/index.js';

/**
 * The demo's training registry, in Credlens's format (docs/registries.md), written to the layout
 * `credlens registry import --from france-competences` produces. The codes, titles and dates are
 * invented (RNCP999xx are not real registrations). Three demo credentials name its codes: one listed,
 * one whose registration had expired when it was issued, one that names a code no registry lists.
 */
export const DEMO_REGISTRY_CODES = { listed: 'RNCP99931', lapsed: 'RNCP99932', unlisted: 'RNCP99977' } as const;

export function demoRegistry(): TrainingRegistry & { format: 'credlens-training-registry/1' } {
  return {
    format: 'credlens-training-registry/1',
    id: 'demo:rncp-rs',
    name: 'RNCP and Répertoire spécifique (demo extract)',
    country: 'FR',
    publisher: 'Credlens demo (invented entries)',
    fundingScheme: 'CPF (Mon Compte Formation)',
    published: '2026-11-01',
    source: { publication: 'Invented entries in the layout of the France Compétences open-data export (CSV edition)' },
    entries: [
      {
        code: DEMO_REGISTRY_CODES.listed,
        scheme: 'RNCP',
        title: 'Concepteur développeur d’applications data',
        level: { eqf: 6, nqf: 'NIV6' },
        hours: 800,
        eligible: true,
        active: true,
        registeredFrom: '2023-09-01',
        registeredUntil: '2028-08-31',
        providers: [{ legalIdentifier: 'FR:12345678900011', name: 'Université Démo de Lyon' }],
        blocks: [
          { code: `${DEMO_REGISTRY_CODES.listed}BC01`, title: 'Collecter et préparer les données' },
          { code: `${DEMO_REGISTRY_CODES.listed}BC02`, title: 'Concevoir et déployer une application data' },
        ],
        aliases: ['https://www.francecompetences.fr/recherche/rncp/99931/'],
      },
      {
        code: DEMO_REGISTRY_CODES.lapsed,
        scheme: 'RNCP',
        title: 'Technicien en analyse de données',
        level: { eqf: 5, nqf: 'NIV5' },
        hours: 450,
        eligible: false,
        active: false,
        registeredFrom: '2019-01-15',
        registeredUntil: '2022-01-14',
        providers: [{ legalIdentifier: 'FR:55566677700013', name: 'Branche Démo des données' }],
        aliases: ['https://www.francecompetences.fr/recherche/rncp/99932/'],
      },
    ],
  };
}
