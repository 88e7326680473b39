import { CORE_CODES } from './core.js';
import { TRUST_CODES } from './trust.js';
import { KEY_CODES } from './keys.js';
import { JOSE_CODES } from './jose.js';
import { VALIDITY_CODES } from './validity.js';
import type { CodeInfo } from './types.js';

export type { CodeEffect, CodeInfo, CodeTable } from './types.js';

/**
 * Every check code, by area. Each area keeps its codes in its own file; add the file here.
 * Codes are stable identifiers: documented in the README (a test keeps the table complete),
 * used as i18n keys, never renamed once landed.
 */
export const CODES = {
  ...CORE_CODES,
  ...TRUST_CODES,
  ...KEY_CODES,
  ...JOSE_CODES,
  ...VALIDITY_CODES,
} as const;

export type CheckCode = keyof typeof CODES;

export function codeInfo(code: CheckCode): CodeInfo {
  return CODES[code];
}

export function isCheckCode(value: string): value is CheckCode {
  return Object.prototype.hasOwnProperty.call(CODES, value);
}
