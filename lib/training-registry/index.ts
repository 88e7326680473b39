/** Training registries for Individual Learning Accounts: the format, the index, the check and the importers (docs/registries.md). */
export type { TrainingRegistry, RegistryEntry, RegistryProvider, RegistryBlock, RegistryFinding } from './types.js';
export { TRAINING_REGISTRY_FORMAT } from './types.js';
export { parseTrainingRegistry, TrainingRegistryError } from './parse.js';
export { RegistryIndex, indexOf, attachIndex, type RegistryLookup, type IndexedListing } from './registry-index.js';
export { writeIndexedRegistry, openIndexedRegistry, readIndexHeader, REGISTRY_INDEX_FORMAT, type IndexHeader, type IndexedRegistryFiles } from './file-index.js';
export { registryClaimsOf, type RegistryClaims } from './claims.js';
export { matchRegistries } from './match.js';
export { codeKey, sameLegalIdentifier } from './codes.js';
export { importFranceCompetences, type FranceCompetencesExport } from './adapters/france-competences.js';
export { importMonCompteFormation } from './adapters/mon-compte-formation.js';
export { importElmQualifications, type ElmDatasetOptions } from './adapters/elm-qualifications.js';
export { summariseLearning, type LearningSummary, type QualificationGroup } from './summary.js';
