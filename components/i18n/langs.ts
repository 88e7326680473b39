import type { Lang } from './types.js';

/** The languages the UI speaks; a module of its own so the content script can list them without the messages. */
export const LANGS: readonly Lang[] = ['en', 'de', 'fr', 'es', 'it', 'pl'];

export type { Lang } from './types.js';
