import type { CodeTable } from './types.js';

/** Training registries (Individual Learning Accounts): information, never authenticity. */
export const REGISTRY_CODES = {
  REGISTRY_LISTED: { effect: 'pass', summary: 'A training registry you use lists the qualification, and its registration was in force on the date of issue.' },
  REGISTRY_LAPSED: { effect: 'skip', summary: 'A training registry you use lists the qualification, but its registration was not in force on the date of issue.' },
  REGISTRY_NOT_LISTED: { effect: 'skip', summary: 'No training registry you use lists the qualification this credential names.' },
  REGISTRY_NONE: { effect: 'skip', summary: 'No training registry is configured, so whether the training is listed as eligible was not looked up.' },
  REGISTRY_CLAIM_UNCONFIRMED: { effect: 'warning', summary: 'The credential names a registry listing that the training registries you use do not confirm.' },
} as const satisfies CodeTable;
