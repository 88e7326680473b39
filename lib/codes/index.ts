import { CORE_CODES } from './core.js';
import { TRUST_CODES } from './trust.js';
import { KEY_CODES } from './keys.js';
import { JOSE_CODES } from './jose.js';
import { VALIDITY_CODES } from './validity.js';
import { DI_CODES } from './di.js';
import { STATUS_CODES } from './status.js';
import { OB3_CODES } from './ob3.js';
import { SCHEMA_CODES } from './schema.js';
import { OB2_CODES } from './ob2.js';
import { SOURCE_CODES } from './sources.js';
import { EDC_CODES } from './edc.js';
import { PDF_CODES } from './pdf.js';
import { VP_CODES } from './vp.js';
import { REGISTRY_CODES } from './registry.js';
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
  ...DI_CODES,
  ...STATUS_CODES,
  ...OB3_CODES,
  ...SCHEMA_CODES,
  ...OB2_CODES,
  ...SOURCE_CODES,
  ...EDC_CODES,
  ...PDF_CODES,
  ...VP_CODES,
  ...REGISTRY_CODES,
} as const;

export type CheckCode = keyof typeof CODES;

export function codeInfo(code: CheckCode): CodeInfo {
  return CODES[code];
}

export function isCheckCode(value: string): value is CheckCode {
  return Object.prototype.hasOwnProperty.call(CODES, value);
}
