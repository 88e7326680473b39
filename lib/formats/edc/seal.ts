import type { Certificate } from 'pkijs';
import { certificateDer, KEY_USAGE, keyUsageBits, parseCertificate, validateX5cChain, type CertificateSummary, type X5cValidation } from '../../keys/x509.js';
import { readQcStatements } from '../../keys/qc-statements.js';
import { readEtsiU, type EtsiUnsigned } from '../../proofs/jades-etsiu.js';
import { verifyIntegrity, type JadesSignature, type ParsedJades } from '../../proofs/jades.js';
import { verifyTimestampToken } from '../../proofs/timestamp.js';
import type { VerifyContext } from '../../pipeline/types.js';
import { check, type Check } from '../../report.js';
import { revocationAt } from '../../status/x509-revocation.js';
import { euAnchors, isQualifiedSealService, servicesForCertificate, snapshotDescription } from '../../trust/eutl/index.js';
import { legalIdentifiersOf, mandateEvidence, pickText } from '../../elm/read.js';
import { recordsOf } from '../../util/json.js';
import { identifierMatches, namesResemble, parseOrganizationIdentifier } from './identity.js';

/**
 * The six seal checks of a Europass credential, over one parsed JAdES seal. Work shared by several
 * checks (the leaf certificate, the chain, the unsigned values) is computed once.
 */
export class Seal {
  readonly signature: JadesSignature;
  readonly etsiU: EtsiUnsigned;
  readonly x5c: string[];
  private leafMemo: Promise<{ der: Uint8Array; cert: Certificate } | undefined> | undefined;
  private chainMemo: Promise<X5cValidation> | undefined;

  constructor(
    readonly jades: ParsedJades,
    readonly document: Record<string, unknown> | undefined,
    readonly ctx: VerifyContext,
  ) {
    this.signature = jades.signatures[0] as JadesSignature;
    this.etsiU = readEtsiU(this.signature.unprotected);
    const x5c = this.signature.header.x5c;
    this.x5c = Array.isArray(x5c) ? x5c.filter((c): c is string => typeof c === 'string') : [];
  }

  /** The claimed signing time (`sigT`), when present and a date. */
  get signingTime(): Date | undefined {
    const sigT = this.signature.header.sigT;
    if (typeof sigT !== 'string') return undefined;
    const t = Date.parse(sigT);
    return Number.isNaN(t) ? undefined : new Date(t);
  }

  /** The instant the certificate is judged at: the signing time, or now when the seal states none. */
  get at(): Date {
    return this.signingTime ?? this.ctx.now;
  }

  get userAnchors(): string[] {
    return this.ctx.trustLists.flatMap((l) => l.anchors ?? []);
  }

  get anchors(): string[] {
    return [...this.userAnchors, ...euAnchors()];
  }

  leaf(sig: JadesSignature = this.signature): Promise<{ der: Uint8Array; cert: Certificate } | undefined> {
    const load = async (): Promise<{ der: Uint8Array; cert: Certificate } | undefined> => {
      const first = Array.isArray(sig.header.x5c) ? sig.header.x5c[0] : undefined;
      if (typeof first !== 'string') return undefined;
      try {
        const der = certificateDer(first);
        return { der, cert: parseCertificate(der) };
      } catch {
        return undefined;
      }
    };
    if (sig !== this.signature) return load();
    this.leafMemo ??= load();
    return this.leafMemo;
  }

  chain(): Promise<X5cValidation> {
    this.chainMemo ??= validateX5cChain(this.x5c, { at: this.at, anchors: this.anchors, intermediates: this.etsiU.certificates });
    return this.chainMemo;
  }

  async integrity(): Promise<Check> {
    const result = await verifyIntegrity(this.jades, (sig) => this.leaf(sig));
    if (!result.ok) return check('seal-integrity', result.check.code, result.check.message, result.check.details);
    const leaf = await this.leaf();
    const subject = leaf ? pickSubject(leaf.cert) : 'the certificate holder';
    return check('seal-integrity', 'SEAL_VALID', `The ${result.value.alg ?? ''} seal of ${subject} matches the credential exactly`, {
      alg: result.value.alg,
      serialization: this.jades.serialization,
      signatures: this.jades.signatures.length,
    });
  }

  async certificate(): Promise<Check> {
    const chain = await this.chain();
    const leaf = await this.leaf();
    const when = this.signingTime ? `when the seal was made (${this.at.toISOString()})` : `now (${this.at.toISOString()}; the seal states no signing time)`;
    const details = { path: chain.path.map((p) => ({ subject: p.subject.dn, issuer: p.issuer.dn, notBefore: p.notBefore.toISOString(), notAfter: p.notAfter.toISOString(), sha256: p.sha256 })), at: this.at.toISOString() };
    if (leaf) {
      const ku = keyUsageBits(leaf.cert);
      if (ku !== undefined && (ku & (KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation)) === 0) {
        return check('seal-certificate', 'SEAL_CERT_KEY_USAGE', 'The seal certificate\'s key usage allows neither digital signatures nor non-repudiation', details);
      }
    }
    switch (chain.failure?.code) {
      case undefined:
        return check('seal-certificate', 'SEAL_CERT_TRUSTED', `The certificate was valid ${when} and leads to ${chain.anchor?.subject.commonName ?? chain.anchor?.subject.dn ?? 'a trusted authority'}`, { ...details, anchor: chain.anchor?.subject.dn });
      case 'X5C_EXPIRED':
        return check('seal-certificate', 'SEAL_CERT_EXPIRED', chain.failure.message, details);
      case 'X5C_NOT_YET_VALID':
        return check('seal-certificate', 'SEAL_CERT_NOT_YET_VALID', chain.failure.message, details);
      case 'X5C_NO_TRUST_ANCHOR':
        return check(
          'seal-certificate',
          'SEAL_CERT_NOT_TRUSTED',
          `The seal is intact and its certificate was valid ${when}, but who sealed it cannot be established: the chain ends at ${chainTop(chain) ?? 'an unknown authority'}, which is no authority you trust (${chain.failure.message}; ${snapshotDescription()}, and ${this.userAnchors.length} anchor(s) were added). Anyone can make a certificate with any organisation's name and identifier. An EU trusted list entry for that authority, or its certificate given as a trust anchor (--trust FILE with "anchors"), would decide it`,
          details,
        );
      default:
        return check('seal-certificate', 'SEAL_CERT_CHAIN_INVALID', (chain.failure?.message ?? ""), { ...details, reason: chain.failure?.code });
    }
  }

  async qualified(): Promise<Check> {
    const leaf = await this.leaf();
    const qc = leaf ? readQcStatements(leaf.cert) : undefined;
    const declared = qc?.compliance === true && qc.types.includes('eseal');
    const details = { qcStatements: qc ?? null };
    if (!declared) {
      const what = !qc ? 'has no qualified-certificate statements' : !qc.compliance ? 'does not declare EU qualified status' : `is qualified for ${qc.types.join(', ') || 'no stated use'}, not for seals`;
      return check('seal-qualified', 'SEAL_NOT_QUALIFIED', `An advanced electronic seal: the certificate ${what}`, details);
    }
    const chain = await this.chain();
    if (chain.chainsToAnchor && chain.anchor) {
      const anchorB64 = chain.anchor.pem.replace(/-----[^-]+-----|\s+/g, '');
      const services = servicesForCertificate(anchorB64);
      const qualifiedService = services.find((s) => isQualifiedSealService(s, this.at));
      if (qualifiedService) {
        return check('seal-qualified', 'SEAL_QUALIFIED', `A qualified electronic seal: ${qualifiedService.tspName} (${qualifiedService.territory}) is on the EU trusted lists as a qualified certification authority`, { ...details, service: qualifiedService.serviceName, territory: qualifiedService.territory });
      }
      const userAnchored = this.userAnchors.some((a) => a.replace(/-----[^-]+-----|\s+/g, '') === anchorB64);
      if (userAnchored) {
        return check('seal-qualified', 'SEAL_QUALIFIED_BY_ANCHOR', `The certificate declares itself a qualified seal certificate and leads to ${chain.anchor.subject.commonName ?? chain.anchor.subject.dn}, an authority you added; the EU trusted lists were not consulted for it`, details);
      }
    }
    return check('seal-qualified', 'SEAL_QUALIFIED_UNCONFIRMED', `The certificate declares itself a qualified seal certificate, but no EU trusted list you rely on confirms its authority (${snapshotDescription()})`, details);
  }

  async identity(): Promise<Check> {
    const leaf = await this.leaf();
    const chain = await this.chain();
    const subject = chain.subject ?? chain.leaf?.subject;
    const doc = this.document;
    const issuer = doc ? recordsOf(doc.issuer)[0] : undefined;
    const org = parseOrganizationIdentifier(subject?.organizationIdentifier);
    const stated = legalIdentifiersOf(issuer);
    const issuerNames = issuer ? [pickText(issuer.legalName), ...Object.values(recordsOf(issuer.legalName)[0] ?? {}).filter((v): v is string => typeof v === 'string')].filter((n): n is string => Boolean(n)) : [];
    const issuerName = issuerNames[0] ?? 'the issuer';
    const sealer = subject?.organizationName ?? subject?.commonName ?? 'the certificate holder';
    const details = { certificate: { organizationIdentifier: subject?.organizationIdentifier, organizationName: subject?.organizationName, country: subject?.country }, credential: { legalIdentifiers: stated, names: issuerNames } };
    if (!leaf || !subject) return check('seal-identity', 'SEAL_IDENTITY_UNDETERMINED', 'The seal certificate could not be read', details);
    if (!org) return check('seal-identity', 'SEAL_IDENTITY_UNDETERMINED', `The seal certificate of ${sealer} states no organisation identifier to compare with the issuer`, details);
    if (stated.length === 0) return check('seal-identity', 'SEAL_IDENTITY_UNDETERMINED', `The credential states no legal identifier for ${issuerName} to compare with the seal (${org.raw})`, details);
    const matched = stated.find((s) => identifierMatches(org, s));
    const nameNote = namesResemble(subject, issuerNames) ? '' : ` (names differ: "${sealer}" and "${issuerName}")`;
    if (matched) {
      return check('seal-identity', 'SEAL_IDENTITY_MATCH', `Sealed by ${sealer} (${org.raw}), the issuer named in the credential${nameNote}`, { ...details, matched });
    }
    const mandates = doc ? mandateEvidence(doc) : [];
    if (mandates.length > 0) {
      return check('seal-identity', 'SEAL_IDENTITY_BY_MANDATE', `Sealed by ${sealer} (${org.raw}) on behalf of ${issuerName}, under a mandate the credential states`, {
        ...details,
        mandates: mandates.map((m) => ({ id: m.id, statement: pickText(m.evidenceStatement) })),
      });
    }
    return check('seal-identity', 'SEAL_IDENTITY_MISMATCH', `Sealed by ${sealer} (${org.raw}), but the credential names ${issuerName} (${stated.map((s) => (s.country ? `${s.country} ${s.notation}` : s.notation)).join(', ')}) as issuer and states no mandate`, details);
  }

  async revocation(): Promise<Check> {
    const leaf = await this.leaf();
    const chain = await this.chain();
    let issuer: Certificate | undefined;
    const issuerSummary = chain.path[1];
    if (issuerSummary) {
      try {
        issuer = parseCertificate(certificateDer(issuerSummary.pem));
      } catch {
        issuer = undefined;
      }
    }
    if (!leaf) return check('seal-revocation', 'SEAL_REVOCATION_UNKNOWN', 'The seal certificate could not be read');
    const result = await revocationAt(leaf.cert, issuer, this.etsiU, this.at);
    const details = { source: result.source ? { kind: result.source.kind, producedAt: result.source.producedAt.toISOString() } : undefined, crls: this.etsiU.crls.length, ocspResponses: this.etsiU.ocsps.length };
    if (result.state === 'revoked') return check('seal-revocation', 'SEAL_CERT_REVOKED', `The seal certificate was ${result.message}, before the seal was made (${this.at.toISOString()})`, details);
    if (result.state === 'good') return check('seal-revocation', 'SEAL_NOT_REVOKED', `The seal certificate was not revoked when the seal was made: ${result.message}`, details);
    return check('seal-revocation', 'SEAL_REVOCATION_UNKNOWN', `${result.message}; the certificate's current status was not looked up online`, details);
  }

  async timestamp(): Promise<Check> {
    const sigT = this.signingTime;
    const raw = this.signature.header.sigT;
    const skew = this.ctx.clockSkewSeconds * 1000;
    if (raw !== undefined && !sigT) return check('seal-timestamp', 'SEAL_TIMESTAMP_INVALID', `The seal's signing time "${String(raw)}" is not a date`);
    if (sigT && sigT.getTime() > this.ctx.now.getTime() + skew) return check('seal-timestamp', 'SEAL_TIME_IN_FUTURE', `The seal claims to have been made on ${sigT.toISOString()}, after ${this.ctx.now.toISOString()}`);
    const tokens = this.etsiU.signatureTimestamps;
    if (tokens.length === 0) {
      if (!sigT) return check('seal-timestamp', 'SEAL_TIME_MISSING', 'The seal states no signing time and carries no time-stamp');
      return check('seal-timestamp', 'SEAL_TIME_CLAIMED', `The seal states it was made on ${sigT.toISOString()}; no time-stamp confirms it`, { sigT: sigT.toISOString() });
    }
    const imprint = new TextEncoder().encode(this.signature.signature);
    const results = [];
    for (const token of tokens.slice(0, 4)) results.push(await verifyTimestampToken(token, imprint, { anchors: this.anchors, intermediates: this.etsiU.certificates }));
    const details = {
      sigT: sigT?.toISOString(),
      tokens: results.map((r) => ({ state: r.state, genTime: r.genTime?.toISOString(), authority: r.authority?.dn, trusted: r.chain?.chainsToAnchor ?? false })),
      archiveTimestamps: this.etsiU.archiveTimestamps.length,
    };
    const bad = results.find((r) => r.state !== 'valid');
    if (bad) return check('seal-timestamp', 'SEAL_TIMESTAMP_INVALID', bad.message, details);
    const trusted = results.find((r) => r.chain?.chainsToAnchor);
    const first = trusted ?? results[0];
    const gen = first?.genTime?.toISOString() ?? 'an unknown time';
    const by = first?.authority?.commonName ?? first?.authority?.dn ?? 'a time-stamping authority';
    if (sigT && first?.genTime && first.genTime.getTime() + skew < sigT.getTime()) {
      return check('seal-timestamp', 'SEAL_TIMESTAMP_INVALID', `The time-stamp (${gen}) is earlier than the signing time the seal claims (${sigT.toISOString()})`, details);
    }
    if (trusted) return check('seal-timestamp', 'SEAL_TIMESTAMP_VALID', `${by} confirms the seal existed on ${gen}`, details);
    const tsaChain = first?.chain;
    const why = tsaChain?.valid === false ? tsaChain.failure?.message ?? 'its certificate is not valid' : 'its certificate leads to no authority you trust';
    return check('seal-timestamp', 'SEAL_TIMESTAMP_UNTRUSTED', `A time-stamp by ${by} says the seal existed on ${gen}, but ${why}`, details);
  }
}

function pickSubject(cert: Certificate): string {
  for (const oid of ['2.5.4.10', '2.5.4.3']) {
    const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
    const v = (tv?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
    if (typeof v === 'string') return v;
  }
  return 'the certificate holder';
}

/** The authority that certified the last certificate the chain reached: what a trust anchor would have to vouch for. */
function chainTop(chain: { path: ReadonlyArray<CertificateSummary> }): string | undefined {
  const top = chain.path[chain.path.length - 1];
  return top ? (top.issuer.commonName ?? top.issuer.dn) : undefined;
}
