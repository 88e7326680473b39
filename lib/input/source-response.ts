import { ContainerError } from './container-error.js';
import { sniff, type Sniffed } from './sniff.js';
import { sourceById } from '../sources/index.js';
import type { RecognisedLink } from '../sources/types.js';

/** Reads a platform's answer: the credential itself, or the credential picked out of the platform's envelope. */
export function readSourceResponse(link: RecognisedLink | undefined, body: Uint8Array, url: string): Sniffed {
  const sniffed = sniff(body);
  const source = link ? sourceById(link.source) : undefined;
  if (!source?.extract || sniffed.kind !== 'json') return sniffed;
  const inner = source.extract(sniffed.value);
  if (inner === undefined || inner === null) {
    throw new ContainerError('SOURCE_RESPONSE_UNEXPECTED', `${source.name} answered ${url} without a credential Credlens can read`, { url, source: source.id });
  }
  return typeof inner === 'string' ? sniff(inner) : { kind: 'json', value: inner };
}
