import { legalIdentifiersOf } from '../elm/read.js';
import { isRecord, recordsOf } from '../util/json.js';
import type { CredentialSummary, MicrocredentialProfile } from '../report.js';
import { isRegistryCodeForm } from './codes.js';

/** What a credential says that a training registry can confirm. */
export interface RegistryClaims {
  /** Every identifier the credential gives its achievement or qualification, in document order. */
  identifiers: string[];
  /** The identifiers that claim a registry listing: written as a registry code, or under a framework or scheme naming a registry. */
  claimed: string[];
  /** The date of issue (awarding date where the credential states one). */
  issued?: string;
  /** The issuer's and awarding body's legal identifiers. */
  legalIdentifiers: string[];
}

/** Members that hold identifiers of an achievement, a qualification or an alignment. */
const IDENTIFIER_KEYS = new Set(['id', 'targetCode', 'targetUrl', 'notation', 'identifier', 'humanCode', 'code']);
/** Members that name the framework or scheme an identifier belongs to. */
const FRAMEWORK_KEYS = ['targetFramework', 'schemeName', 'schemeAgency', 'identifierType', 'schemeId', 'frameworkName'];
const MAX_DEPTH = 10;
const MAX_IDENTIFIERS = 200;

/**
 * Reads the identifiers an Open Badges achievement (id, alignment, otherIdentifier), an ELM claim
 * (specifiedBy, identifier notations), an OB 2.0 badge class or an EBSI diploma gives, the date
 * of issue and the issuer's legal identifiers. `registryNames` are the configured registries' ids,
 * names and schemes, so an alignment to "RNCP" or to a registry's own name counts as a claim.
 */
export function registryClaimsOf(
  document: Record<string, unknown> | undefined,
  credential: CredentialSummary | undefined,
  microcredential: MicrocredentialProfile | undefined,
  registryNames: readonly string[] = [],
): RegistryClaims {
  const identifiers: string[] = [];
  const claimed: string[] = [];
  const names = registryNames.map((n) => n.toLowerCase());
  const visit = (value: unknown, depth: number, framework: string | undefined): void => {
    if (depth > MAX_DEPTH || identifiers.length >= MAX_IDENTIFIERS) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1, framework);
      return;
    }
    if (!isRecord(value)) return;
    const own = FRAMEWORK_KEYS.map((k) => value[k]).find((v): v is string => typeof v === 'string') ?? framework;
    for (const [key, member] of Object.entries(value)) {
      if (IDENTIFIER_KEYS.has(key) && (typeof member === 'string' || typeof member === 'number')) {
        const id = String(member).trim();
        if (!id || identifiers.includes(id)) continue;
        identifiers.push(id);
        const namesRegistry = own !== undefined && names.some((n) => own.toLowerCase().includes(n));
        if (isRegistryCodeForm(id) || namesRegistry) claimed.push(id);
      } else if (typeof member === 'object' && member !== null) {
        visit(member, depth + 1, own);
      }
    }
  };
  if (document) {
    for (const subject of recordsOf(document.credentialSubject)) {
      // The learner's own id is not an achievement identifier.
      const { id: _learner, ...rest } = subject;
      visit(rest, 0, undefined);
    }
    visit(document.badge, 0, undefined);
  }

  const legal = new Set<string>();
  if (credential?.issuer?.legalIdentifier) legal.add(credential.issuer.legalIdentifier);
  if (document) {
    for (const org of [...recordsOf(document.issuer), ...awardingBodies(document)]) {
      for (const id of legalIdentifiersOf(org)) legal.add(id.country ? `${id.country}:${id.notation}` : id.notation);
    }
  }

  const issuedElement = microcredential?.elements.issued.value;
  const issued = typeof issuedElement === 'string' ? issuedElement : credential?.issued ?? credential?.validFrom;
  return { identifiers, claimed, legalIdentifiers: [...legal], ...(issued ? { issued } : {}) };
}

function awardingBodies(document: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const subject of recordsOf(document.credentialSubject)) {
    for (const claim of recordsOf(subject.hasClaim)) {
      for (const awarded of recordsOf(claim.awardedBy)) out.push(...recordsOf(awarded.awardingBody));
    }
  }
  return out;
}
