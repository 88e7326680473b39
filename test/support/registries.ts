import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importElmQualifications, importFranceCompetences, importMonCompteFormation, parseTrainingRegistry } from '../../lib/training-registry/index.js';
import type { TrainingRegistry } from '../../lib/training-registry/types.js';

// Paths, not URLs: happy-dom's URL (component tests) is not Node's, which readFileSync requires.
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors', 'registries');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** The sample registries of test/vectors/registries, imported by the importers the CLI uses. */
export function sampleRegistries(): { rncp: TrainingRegistry; mcf: TrainingRegistry; elm: TrainingRegistry; own: TrainingRegistry } {
  const rncp = importFranceCompetences({
    standard: read('france-competences/export_fiches_CSV_Standard_2026-11-01.csv'),
    certificateurs: read('france-competences/export_fiches_CSV_Certificateurs_2026-11-01.csv'),
    blocs: read('france-competences/export_fiches_CSV_Blocs_De_Compétences_2026-11-01.csv'),
    published: '2026-11-01',
  });
  const mcf = importMonCompteFormation(JSON.parse(read('mon-compte-formation.json'))).registry;
  const elm = importElmQualifications(JSON.parse(read('elm-qualifications.json')), { id: 'example:elm', name: 'Example ELM dataset', country: 'NL', eligible: true });
  const own = parseTrainingRegistry(JSON.parse(read('credlens-registry.json')));
  return { rncp, mcf, elm, own };
}

export function sampleText(name: string): string {
  return read(name);
}
