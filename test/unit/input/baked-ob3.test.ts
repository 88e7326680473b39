// Open Badges 3.0 baking (§5.3 "Baked Badge"), with fixtures built exactly as the specification's
// examples show them: the 1EdTech specification repository publishes no baked image files, only the
// XML and iTXt examples in ob_v3p0/docformat.md, which these reproduce with a real signed credential.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify, type VerificationReport } from '../../../lib/index.js';
import { MAX_SVG_DEPTH, readSvgBadge } from '../../../lib/input/baked.js';
import { didJwkIssuer, type DidJwkIssuer } from '../../support/did-jwk-issuer.js';
import { itxt, png, pngChunk } from '../../support/ob2-issuer.js';
import { newKey, openBadge, signDi } from '../formats/vc-di/sign.js';

const at = new Date('2026-11-28T00:00:00Z');
const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';

function codeOf(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((c) => c.id === id)?.code;
}

/** An OpenBadgeCredential secured as a VC-JWT (OB 3.0 §8.2.5), signed by a did:jwk issuer. */
async function ob3Jwt(issuer: DidJwkIssuer): Promise<string> {
  const vc = openBadge(issuer.did);
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: issuer.kid })
    .setIssuer(issuer.did)
    .setSubject('did:example:learner')
    .setJti(String(vc.id))
    .setNotBefore(Date.parse('2025-01-01T00:00:00Z') / 1000)
    .sign(issuer.privateKey);
}

/** The specification's "well baked SVG with VC-JWT proof" example, with a real token. */
function svgWithVerify(jws: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg"
  xmlns:openbadges="${OB3_NS}"
  viewBox="0 0 512 512">
  <openbadges:credential verify="${jws}"></openbadges:credential>

  <!-- rest-of-image -->
  <circle cx="256" cy="256" r="200" fill="#2a6"/>
</svg>`;
}

/** The specification's "well baked SVG with embedded proof" example. */
function svgWithCdata(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg"
  xmlns:openbadges="${OB3_NS}"
  viewBox="0 0 512 512">
  <openbadges:credential>
    <![CDATA[
      ${json}
    ]]>
  </openbadges:credential>

  <!-- rest-of-image -->
</svg>`;
}

describe('Open Badges 3.0 baked SVG', () => {
  it('verifies the VC-JWT carried in the verify attribute of openbadges:credential', async () => {
    const issuer = await didJwkIssuer();
    const report = await verify(svgWithVerify(await ob3Jwt(issuer)), { offline: true, at });
    expect(report.checks[0]?.code).toBe('INPUT_READ');
    expect(report.format).toBe('vc-jwt');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(report.credential?.title).toBe('Teamwork Badge');
  });

  it('rejects a tampered VC-JWT in the verify attribute', async () => {
    const issuer = await didJwkIssuer();
    const [h, p, s] = (await ob3Jwt(issuer)).split('.');
    const forged = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as { vc: { name: string } };
    forged.vc.name = 'Forged Badge';
    const jws = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    const report = await verify(svgWithVerify(jws), { offline: true, at });
    expect(report.verdict).toBe('invalid');
    expect(codeOf(report, 'proof')).toBe('PROOF_INVALID_SIGNATURE');
  });

  it('verifies the JSON credential with an embedded proof in the element\'s CDATA', async () => {
    const key = newKey();
    const signed = await signDi(openBadge(key.did), key);
    const report = await verify(svgWithCdata(JSON.stringify(signed, null, 2)), { offline: true, at });
    expect(report.format).toBe('vc-di');
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_VALID');
  });

  it('reads JSON given as escaped element text rather than CDATA', () => {
    const image = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"><openbadges:credential>{&quot;a&quot;:&#x22;&lt;b&gt;&#34;}</openbadges:credential></svg>`;
    expect(readSvgBadge(image).text).toBe('{"a":"<b>"}');
  });

  it('still reads an Open Badges 2.0 hosted-assertion URL in the verify attribute', () => {
    const image = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://badges.example.edu/assertions/1.json"/></svg>';
    expect(readSvgBadge(image)).toEqual({ where: 'the verify attribute of the SVG <openbadges:assertion> element', text: 'https://badges.example.edu/assertions/1.json' });
  });

  it('refuses an element carrying one token in verify and another in its body', async () => {
    const issuer = await didJwkIssuer();
    const a = await ob3Jwt(issuer);
    const b = await ob3Jwt(issuer);
    const image = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"><openbadges:credential verify="${a}">${b}</openbadges:credential></svg>`;
    expect(() => readSvgBadge(image)).toThrow(/verify attribute and another in its body/);
  });
});

describe('Open Badges 3.0 baked PNG (iTXt openbadgecredential, uncompressed)', () => {
  it('verifies a VC-JWT', async () => {
    const issuer = await didJwkIssuer();
    const report = await verify(png([pngChunk('iTXt', itxt('openbadgecredential', await ob3Jwt(issuer)))]), { offline: true, at });
    expect(report.format).toBe('vc-jwt');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
  });

  it('verifies a JSON credential with an embedded proof', async () => {
    const key = newKey();
    const signed = await signDi(openBadge(key.did), key);
    const report = await verify(png([pngChunk('iTXt', itxt('openbadgecredential', JSON.stringify(signed)))]), { offline: true, at });
    expect(report.format).toBe('vc-di');
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_VALID');
  });
});

describe('hostile SVG badges', () => {
  const wrap = (prolog: string, inner: string) => `<?xml version="1.0"?>${prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}">${inner}</svg>`;

  it('refuses a DOCTYPE declaring entities (billion laughs)', async () => {
    const lol = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const report = await verify(wrap(lol, '<openbadges:credential>&c;</openbadges:credential>'), { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_MALFORMED');
    expect(report.verdict).toBe('invalid');
  });

  it('never reads an external entity (XXE)', async () => {
    const xxe = '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const report = await verify(wrap(xxe, '<openbadges:credential>&xxe;</openbadges:credential>'), { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_MALFORMED');
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('refuses an entity the document never declared', () => {
    expect(() => readSvgBadge(wrap('', '<openbadges:credential>&nbsp;</openbadges:credential>'))).toThrow(/not well-formed/);
  });

  it('accepts the SVG 1.1 public DOCTYPE (no internal subset) and fetches nothing', () => {
    const doctype = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">';
    expect(readSvgBadge(wrap(doctype, '<openbadges:credential>{"x":1}</openbadges:credential>')).text).toBe('{"x":1}');
  });

  it('does not take badge markup inside a script, a comment or an unbound namespace for a badge', async () => {
    const inner = '<script><![CDATA[ document.write("<openbadges:credential verify=\\"a.b.c\\"/>") ]]></script><!-- <openbadges:credential verify="a.b.c"/> --><ob:credential xmlns:ob="https://evil.example/ns" verify="a.b.c"/>';
    const report = await verify(wrap('', inner), { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_NO_CREDENTIAL');
  });

  it('reads the badge of an SVG that also carries a script, and runs nothing', () => {
    const image = wrap('', '<script>alert(1)</script><openbadges:credential>{"x":1}</openbadges:credential>');
    expect(readSvgBadge(image).text).toBe('{"x":1}');
  });

  it('refuses elements nested deeper than the cap', () => {
    const deep = `${'<g>'.repeat(MAX_SVG_DEPTH + 1)}${'</g>'.repeat(MAX_SVG_DEPTH + 1)}`;
    expect(() => readSvgBadge(wrap('', deep))).toThrow(/levels deep/);
  });

  it('refuses an unclosed badge element and mismatched tags', () => {
    expect(() => readSvgBadge(wrap('', '<openbadges:credential>{"x":1}'))).toThrow(/not well-formed/);
    expect(() => readSvgBadge(wrap('', '<g><openbadges:credential>x</g></openbadges:credential>'))).toThrow(/not well-formed/);
  });

  it('refuses a verify attribute that is neither a JWS nor a link', () => {
    expect(() => readSvgBadge(wrap('', '<openbadges:credential verify="javascript:alert(1)"/>'))).toThrow(/neither a signed credential/);
  });
});
