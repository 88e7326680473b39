import type { Io } from '../../io/types.js';
import { IoError, describeError } from '../../errors.js';

/** What a registry lookup needs: the network seam and the verification's instant and EBSI base. */
export interface RegistryEnv {
  io: Io;
  now: Date;
  ebsiApiBase: string;
}

/** A registry's answer about one issuer. Failures are answers too, never exceptions. */
export type RegistryAnswer =
  | { state: 'listed'; tier: 'trusted' | 'known' | 'untrusted'; name?: string; detail?: string }
  | { state: 'not-listed'; detail?: string }
  | { state: 'not-applicable'; detail: string }
  | { state: 'unavailable'; reason: string };

/** An I/O failure as a reason a person can read, with the seam's stable code. */
export function unavailable(error: unknown, what: string): RegistryAnswer {
  const code = error instanceof IoError ? `${error.code}: ` : '';
  return { state: 'unavailable', reason: `${what} could not be read (${code}${describeError(error)})` };
}

/** True when the seam reached the server and it said the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof IoError && error.code === 'IO_HTTP_STATUS' && (error.httpStatus === 404 || error.httpStatus === 410);
}
