import type { Io } from '../io/types.js';

/**
 * What key and DID resolution needs of a verification: the network seam and the EBSI API base.
 * The pipeline's `VerifyContext` is one; keys/ depends on nothing above it.
 */
export interface KeyContext {
  io: Io;
  /** Base URL of the EBSI APIs (DID registry). */
  ebsiApiBase: string;
}
