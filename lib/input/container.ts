import type { Io } from '../io/types.js';
import type { Sniffed } from './sniff.js';

/**
 * A container (a web page, a baked badge image, a PDF) that `acquire` unwraps to the credential
 * inside it. Unwrappers are loaded on demand; a container kind without one is reported as not
 * supported.
 */
export type Container =
  | Extract<Sniffed, { kind: 'png' | 'svg' | 'pdf' }>
  | { kind: 'html'; url: string; html: string };

/** Returns what the container holds: the credential itself, or a link to follow. */
export type Unwrapper = (container: Container, io: Io) => Promise<Sniffed>;
