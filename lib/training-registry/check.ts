import { check, type Check, type CredentialSummary, type MicrocredentialProfile } from '../report.js';
import { registryClaimsOf } from './claims.js';
import { matchRegistries } from './match.js';
import { indexOf } from './registry-index.js';
import type { RegistryFinding, TrainingRegistry } from './types.js';

export interface RegistryCheckInput {
  document: Record<string, unknown> | undefined;
  credential: CredentialSummary | undefined;
  microcredential: MicrocredentialProfile | undefined;
  registries: readonly TrainingRegistry[];
  profile: 'eu-microcredential' | undefined;
}

/**
 * The `registry` check: is the training this credential certifies listed in a training registry
 * (eligible for individual-learning-account funding, quality-assured)? It never decides
 * authenticity. It is information, except under the EU micro-credential profile, where a listing
 * the credential claims and the registries do not confirm is a warning.
 */
export function registryCheck(input: RegistryCheckInput): { check: Check; finding?: RegistryFinding } {
  if (input.registries.length === 0) {
    return { check: check('registry', 'REGISTRY_NONE', 'No training registry is configured; add one to see whether this training is listed as eligible for funding') };
  }
  const names = input.registries.flatMap((r) => [r.id, r.name, ...indexOf(r).schemes]).filter((n) => n.length >= 2);
  const claims = registryClaimsOf(input.document, input.credential, input.microcredential, names);
  const finding = matchRegistries(claims, input.registries);
  const details = { finding };
  const unconfirmed = input.profile === 'eu-microcredential' && finding.claimed.length > 0 && finding.outcome !== 'listed';
  if (unconfirmed) {
    const why = finding.outcome === 'lapsed' ? `its registration was not in force on the date of issue (${registrationPeriod(finding)})` : 'no registry you use lists it';
    return { check: check('registry', 'REGISTRY_CLAIM_UNCONFIRMED', `The credential names ${finding.claimed.slice(0, 3).join(', ')}, but ${why}`, details), finding };
  }
  switch (finding.outcome) {
    case 'listed':
      return { check: check('registry', 'REGISTRY_LISTED', listedMessage(finding), details), finding };
    case 'lapsed':
      return {
        check: check('registry', 'REGISTRY_LAPSED', `${listingName(finding)} is listed, but its registration (${registrationPeriod(finding)}) was not in force on the date of issue`, details),
        finding,
      };
    case 'not-listed':
      return {
        check: check(
          'registry',
          'REGISTRY_NOT_LISTED',
          finding.claimed.length
            ? `The credential names ${finding.claimed.slice(0, 3).join(', ')}, which no registry you use lists`
            : `None of the ${input.registries.length === 1 ? 'registry' : `${input.registries.length} registries`} you use lists this training`,
          details,
        ),
        finding,
      };
  }
}

function listingName(finding: RegistryFinding): string {
  const entry = finding.entry;
  const name = `${entry?.code ?? '?'} “${entry?.title ?? ''}”`;
  return finding.block ? `Block ${finding.block.code} “${finding.block.title}” of ${name}` : name;
}

function listedMessage(finding: RegistryFinding): string {
  const entry = finding.entry;
  const facts: string[] = [];
  if (entry?.level?.eqf !== undefined) facts.push(`EQF ${entry.level.eqf}`);
  if (entry?.hours !== undefined) facts.push(`${entry.hours} h`);
  if (entry?.ects !== undefined) facts.push(`${entry.ects} ECTS`);
  const funding = finding.registry?.fundingScheme ?? 'learning-account';
  facts.push(entry?.eligible ? `eligible for ${funding} funding` : `not eligible for ${funding} funding`);
  const provider =
    finding.providerIsIssuer === true ? '; the registry names the issuer as a provider' : finding.providerIsIssuer === false ? '; the registry does not name the issuer as a provider' : '';
  return `Listed in ${finding.registry?.name ?? 'a registry'} as ${listingName(finding)} (${facts.join(', ')})${provider}`;
}

function registrationPeriod(finding: RegistryFinding): string {
  const from = finding.entry?.registeredFrom?.slice(0, 10) ?? '…';
  const until = finding.entry?.registeredUntil?.slice(0, 10) ?? '…';
  return `${from} to ${until}`;
}
