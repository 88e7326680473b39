import { isElmDocument } from '../../elm/read.js';
import { isRecord, recordsOf } from '../../util/json.js';
import type { FormatId, MicrocredentialProfile } from '../../report.js';
import { mapEbsi } from './ebsi.js';
import { mapElm } from './elm.js';
import { mapEudiClaims } from './eudi.js';
import { mapOb2, mapOb3 } from './ob.js';

export { microcredentialCheck } from './check.js';
export { stackCredentials, type CredentialStack } from './stack.js';

/**
 * Maps a credential onto the eleven mandatory elements of an EU micro-credential (Council
 * Recommendation of 16 June 2022, Annex I). The shape of the document decides the mapper: ELM
 * (native), Open Badges 3.0 / CLR, EBSI diplomas, flat SD-JWT VC claims, Open Badges 2.0.
 * `undefined` when the document has no learning-credential shape at all.
 */
export function mapMicrocredential(format: FormatId, document: Record<string, unknown> | undefined): MicrocredentialProfile | undefined {
  if (!isRecord(document)) return undefined;
  const subject = recordsOf(document.credentialSubject)[0];
  if (format === 'ob2-hosted' || format === 'ob2-signed') return mapOb2(document);
  if (isElmDocument(document) || subject?.hasClaim !== undefined) return mapElm(document);
  if (subject?.achievement !== undefined || subject?.achievements !== undefined) return mapOb3(document, format === 'sd-jwt-vc' ? '' : '');
  if (subject?.achieved !== undefined) return mapEbsi(document);
  if (format === 'sd-jwt-vc') return mapEudiClaims(document);
  if ('badge' in document && 'recipient' in document) return mapOb2(document);
  return undefined;
}
