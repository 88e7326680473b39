import { md5 } from '@noble/hashes/legacy.js';
import { isRecord } from '../../util/json.js';
import { check, type Check } from '../../report.js';

const encoder = new TextEncoder();

async function hashHex(algorithm: 'sha256' | 'md5', text: string): Promise<string> {
  const hash = algorithm === 'md5' ? md5(encoder.encode(text)) : new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The values an identity may be written as: `email:a@b` → `a@b` (and lower case), `did:…` as is. */
function candidates(recipient: string): string[] {
  const value = recipient.startsWith('email:') ? recipient.slice('email:'.length) : recipient.startsWith('mailto:') ? recipient.slice(7) : recipient;
  return [...new Set([value, value.toLowerCase(), recipient])];
}

async function identifierMatches(identifier: Record<string, unknown>, values: string[]): Promise<boolean> {
  const hash = identifier.identityHash;
  if (typeof hash !== 'string') return false;
  if (identifier.hashed === true || /^(sha256|md5)\$/i.test(hash)) {
    const [name = '', digest = ''] = hash.split('$');
    // Open Badges allows exactly these two identity hash algorithms.
    const algorithm = name.toLowerCase();
    if (algorithm !== 'sha256' && algorithm !== 'md5') return false;
    const salt = typeof identifier.salt === 'string' ? identifier.salt : '';
    for (const v of values) if ((await hashHex(algorithm, v + salt)) === digest.toLowerCase()) return true;
    return false;
  }
  return values.includes(hash);
}

/**
 * Open Badges 3.0 recipient check (and plain VC subject id): the caller's recipient against the
 * subject's `id` or its `identifier` objects (salted SHA-256 `identityHash`es or plain text).
 */
export async function recipientCheck(credential: Record<string, unknown>, recipient: string | undefined): Promise<Check> {
  if (!recipient) return check('recipient', 'RECIPIENT_NOT_CHECKED', 'No recipient was given to compare with');
  const subjects = (Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject]).filter(isRecord);
  const values = candidates(recipient);
  let comparable = false;
  for (const subject of subjects) {
    if (typeof subject.id === 'string') {
      comparable = true;
      if (values.includes(subject.id)) return check('recipient', 'RECIPIENT_MATCH', `The credential's subject is ${subject.id}`);
    }
    const identifiers = (Array.isArray(subject.identifier) ? subject.identifier : [subject.identifier]).filter(isRecord).slice(0, 32);
    for (const identifier of identifiers) {
      comparable = true;
      if (await identifierMatches(identifier, values)) {
        const type = typeof identifier.identityType === 'string' ? identifier.identityType : 'identifier';
        return check('recipient', 'RECIPIENT_MATCH', `The credential's recipient ${type} matches ${recipient}`);
      }
    }
  }
  return comparable
    ? check('recipient', 'RECIPIENT_MISMATCH', `The credential was not awarded to ${recipient}`)
    : check('recipient', 'RECIPIENT_UNKNOWN', 'The credential names no recipient identifier to compare with');
}
