/**
 * Training registries: public lists of labour-market-relevant, quality-assured training, as the
 * Council Recommendation on Individual Learning Accounts (2022) asks each Member State to publish.
 * The JSON format of our own is documented in docs/registries.md and docs/schemas/training-registry.schema.json.
 */

export const TRAINING_REGISTRY_FORMAT = 'credlens-training-registry/1';

export interface TrainingRegistry {
  /** A stable identifier, e.g. `fr:rncp-rs` or the publication's URL. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 country whose learning accounts the registry serves. */
  country?: string;
  publisher?: string;
  /** The learning-account scheme the `eligible` flags refer to, e.g. "CPF (Mon Compte Formation)". */
  fundingScheme?: string;
  /** When the source data was published or extracted (ISO 8601 date). */
  published?: string;
  /** Which publication (and version) the entries were imported from. */
  source?: { publication: string; version?: string; url?: string };
  entries: RegistryEntry[];
}

export interface RegistryEntry {
  /** The registry's code, e.g. `RNCP37674` or `RS5476`. */
  code: string;
  /** The code's scheme, e.g. `RNCP`, `RS`, `ELM`. */
  scheme?: string;
  title: string;
  level?: { eqf?: number; nqf?: string };
  /** Notional workload in hours. */
  hours?: number;
  ects?: number;
  /** Eligible for funding from the individual learning account the registry serves. */
  eligible: boolean;
  /** Registration period (ISO 8601 dates); outside it the listing was not in force. */
  registeredFrom?: string;
  registeredUntil?: string;
  /** Whether the registry marks the registration active today. */
  active?: boolean;
  /** Who may award or deliver it, named by legal identifier (SIRET/SIREN, VAT, eIDAS identifier). */
  providers?: RegistryProvider[];
  /** Parts that can be certified on their own (France's "blocs de compétences"). */
  blocks?: RegistryBlock[];
  /** Other identifiers the same entry is known by (ELM qualification URIs, web pages). */
  aliases?: string[];
}

export interface RegistryProvider {
  legalIdentifier?: string;
  name?: string;
}

export interface RegistryBlock {
  code: string;
  title: string;
}

/** What the `registry` check found for one credential. */
export interface RegistryFinding {
  /**
   * - `listed`: a registry lists it and the registration was in force when the credential was issued;
   * - `lapsed`: listed, but the registration was not in force at the date of issue;
   * - `not-listed`: no configured registry lists any identifier the credential states.
   */
  outcome: 'listed' | 'lapsed' | 'not-listed';
  /** Registry codes the credential itself names (RNCP/RS codes, alignments, qualification identifiers). */
  claimed: string[];
  registry?: { id: string; name: string; country?: string; fundingScheme?: string };
  entry?: {
    code: string;
    scheme?: string;
    title: string;
    level?: { eqf?: number; nqf?: string };
    hours?: number;
    ects?: number;
    eligible: boolean;
    registeredFrom?: string;
    registeredUntil?: string;
    blocks: number;
  };
  /** The block the credential certifies, when it names one rather than the whole qualification. */
  block?: RegistryBlock;
  /** Which credential identifier matched. */
  matchedBy?: string;
  /** Whether a provider the registry names is the credential's issuer, by legal identifier; absent when either side names none. */
  providerIsIssuer?: boolean;
}
