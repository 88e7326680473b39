#!/usr/bin/env node
// Builds lib/trust/eutl/snapshot.json from the EU List of Trusted Lists (LOTL), with network access:
//   node scripts/build-eutl-snapshot.mjs [--lotl URL] [--out FILE]
// It reads the LOTL, follows every pointer to a national trusted list (XML), and keeps the trust
// services that can anchor eSeals and time-stamps (CA/QC and TSA/QTST), with their current status,
// additional service information and certificates. It records when it ran and each list's sequence
// number. LIMIT: the XML signatures of the LOTL and of the national lists are not verified here;
// review the diff of the snapshot before committing it. Never edit the snapshot by hand.
import { writeFile } from 'node:fs/promises';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const LOTL = opt('--lotl', 'https://ec.europa.eu/tools/lotl/eu-lotl.xml');
const OUT = opt('--out', new URL('../lib/trust/eutl/snapshot.json', import.meta.url));
const KEEP = new Set(['http://uri.etsi.org/TrstSvc/Svctype/CA/QC', 'http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST']);

const tag = (xml, name) => [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`, 'g'))].map((m) => m[1]);
const first = (xml, name) => tag(xml, name)[0]?.trim();
const text = (s) => s?.replace(/<[^>]+>/g, '').trim();

async function get(url) {
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

const lotl = await get(LOTL);
const pointers = tag(lotl, 'OtherTSLPointer')
  .filter((p) => /vnd\.etsi\.tsl\+xml/.test(p))
  .map((p) => ({ location: text(first(p, 'TSLLocation')), territory: text(first(p, 'SchemeTerritory')) }))
  .filter((p) => p.location && p.territory && p.territory !== 'EU');

const territories = [];
const services = [];
for (const pointer of pointers) {
  let xml;
  try {
    xml = await get(pointer.location);
  } catch (error) {
    console.error(`skipped ${pointer.territory}: ${error.message}`);
    continue;
  }
  territories.push({
    territory: pointer.territory,
    sequenceNumber: Number(text(first(xml, 'TSLSequenceNumber'))) || null,
    issued: text(first(xml, 'ListIssueDateTime')) ?? null,
    nextUpdate: text(first(first(xml, 'NextUpdate') ?? '', 'dateTime')) ?? null,
    location: pointer.location,
  });
  for (const tsp of tag(xml, 'TrustServiceProvider')) {
    const tspName = text(first(first(tsp, 'TSPName') ?? '', 'Name'));
    for (const svc of tag(tsp, 'TSPService')) {
      const info = first(svc, 'ServiceInformation') ?? '';
      const serviceType = text(first(info, 'ServiceTypeIdentifier'));
      if (!KEEP.has(serviceType)) continue;
      services.push({
        territory: pointer.territory,
        tspName,
        serviceName: text(first(first(info, 'ServiceName') ?? '', 'Name')),
        serviceType,
        status: text(first(info, 'ServiceStatus')),
        statusStarting: text(first(info, 'StatusStartingTime')),
        additionalInfo: tag(info, 'AdditionalServiceInformation').map((a) => text(first(a, 'URI'))).filter(Boolean),
        certificates: tag(first(info, 'ServiceDigitalIdentity') ?? '', 'X509Certificate').map((c) => c.replace(/\s+/g, '')),
      });
    }
  }
}

const snapshot = {
  format: 'credlens-eutl-snapshot/1',
  generatedAt: new Date().toISOString(),
  source: LOTL,
  description: `CA/QC and TSA/QTST services of ${territories.length} EU/EEA trusted lists, read from the LOTL by scripts/build-eutl-snapshot.mjs. XML signatures were not verified by the script.`,
  lotlSequenceNumber: Number(text(first(lotl, 'TSLSequenceNumber'))) || null,
  territories,
  services,
};
await writeFile(OUT, `${JSON.stringify(snapshot, null, 1)}\n`);
console.log(`${services.length} services from ${territories.length} trusted lists → ${OUT}`);
