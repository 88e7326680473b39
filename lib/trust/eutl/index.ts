import snapshot from './snapshot.json' with { type: 'json' };

/**
 * The EU trusted lists (eIDAS Art. 22), as a snapshot Credlens ships: for each trust service whose
 * certificates can anchor an eSeal or a time-stamp, its territory, provider, type, current status
 * and certificates. Built by `scripts/build-eutl-snapshot.mjs` from the List of Trusted Lists; the
 * snapshot states when it was built, and an empty snapshot is empty, never invented.
 */
export interface EuTrustService {
  /** ISO 3166 alpha-2 territory of the trusted list (EL for Greece, as the lists write it). */
  territory: string;
  tspName: string;
  serviceName: string;
  /** ETSI TS 119 612 service type URI, e.g. http://uri.etsi.org/TrstSvc/Svctype/CA/QC. */
  serviceType: string;
  /** Current status URI, e.g. http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted. */
  status: string;
  statusStarting: string;
  /** additionalServiceInformation URIs (ForeSeals, ForeSignatures, ForWebSiteAuthentication). */
  additionalInfo: string[];
  /** Base64 DER certificates of the service's digital identity. */
  certificates: string[];
}

export interface EuTrustedListSnapshot {
  format: 'credlens-eutl-snapshot/1';
  generatedAt: string | null;
  source: string;
  description: string;
  lotlSequenceNumber: number | null;
  territories: Array<{ territory: string; sequenceNumber: number | null; issued: string | null; nextUpdate: string | null; location: string }>;
  services: EuTrustService[];
}

export const EU_TRUSTED_LISTS = snapshot as unknown as EuTrustedListSnapshot;

export const SERVICE_TYPE_CA_QC = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';
export const SERVICE_TYPE_TSA_QTST = 'http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST';
const GRANTED = new Set([
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/recognisedatnationallevel',
]);
const FOR_ESEALS = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals';

/** The certificates (base64 DER) of every service currently granted, for chain building. */
export function euAnchors(list: EuTrustedListSnapshot = EU_TRUSTED_LISTS): string[] {
  return list.services.filter((s) => GRANTED.has(s.status)).flatMap((s) => s.certificates);
}

/** Services whose certificate has the given base64 DER encoding. */
export function servicesForCertificate(certificateB64: string, list: EuTrustedListSnapshot = EU_TRUSTED_LISTS): EuTrustService[] {
  const wanted = certificateB64.replace(/\s+/g, '');
  return list.services.filter((s) => s.certificates.some((c) => c.replace(/\s+/g, '') === wanted));
}

/** A qualified CA for seals: CA/QC, granted when the seal was made, not restricted to other uses. */
export function isQualifiedSealService(service: EuTrustService, at: Date): boolean {
  if (service.serviceType !== SERVICE_TYPE_CA_QC || !GRANTED.has(service.status)) return false;
  if (Date.parse(service.statusStarting) > at.getTime()) return false;
  const purposes = service.additionalInfo.filter((u) => /SvcInfoExt\/For/.test(u));
  return purposes.length === 0 || purposes.includes(FOR_ESEALS);
}

export function snapshotDescription(list: EuTrustedListSnapshot = EU_TRUSTED_LISTS): string {
  if (!list.generatedAt || list.services.length === 0) return 'the EU trusted lists snapshot shipped with Credlens is empty (built offline)';
  return `the EU trusted lists as of ${list.generatedAt} (${list.services.length} services from ${list.territories.length} lists)`;
}
