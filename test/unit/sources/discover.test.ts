import { describe, expect, it } from 'vitest';
import { createIo, discoverCredential } from '../../../lib/tools.js';
import { verify } from '../../../lib/index.js';
import { fakeFetch, json, png, pngChunk, itxt, text, type Routes } from '../../support/ob2-issuer.js';

/** Discovery for links no platform claims (issue #20): the one implementation the extension, the widget's `src` and the CLI share. */
const ISSUER = 'https://credentials.uni-demo.example.eu';
const vc = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:learner' },
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = `${b64({ alg: 'EdDSA', typ: 'JWT' })}.${b64({ iss: 'did:example:issuer', vc })}.${'A'.repeat(86)}`;
const page = (head: string, body = '') => text(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');

function routes(): Routes {
  const r: Routes = new Map();
  r.set(`${ISSUER}/vc`, json(vc));
  r.set(`${ISSUER}/jwt`, text(jwt, 'application/vc+jwt'));
  r.set(`${ISSUER}/ob2`, json({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', badge: `${ISSUER}/badge`, recipient: { type: 'email', identity: 'x' } }));
  r.set(`${ISSUER}/baked.png`, text(png([pngChunk('iTXt', itxt('openbadgecredential', JSON.stringify(vc)))]), 'image/png'));
  r.set(`${ISSUER}/plain.png`, text(png(), 'image/png'));
  r.set(`${ISSUER}/declares`, page('<link rel="alternate" type="application/vc+ld+json" href="/vc">'));
  r.set(`${ISSUER}/embeds`, page('', `<script type="application/ld+json">${JSON.stringify(vc)}</script>`));
  r.set(`${ISSUER}/about`, page('<title>About</title><script type="application/ld+json">{"@type":"Organization","name":"Uni"}</script>'));
  r.set(`${ISSUER}/api`, json({ items: [1, 2, 3] }));
  return r;
}

async function discover(path: string) {
  return discoverCredential(`${ISSUER}${path}`, createIo({ fetch: fakeFetch(routes()) }));
}

describe('discoverCredential', () => {
  for (const path of ['/vc', '/jwt', '/ob2', '/baked.png', '/declares', '/embeds']) {
    it(`finds the credential behind ${path}`, async () => {
      expect((await discover(path)).found).toBe('credential');
    });
  }

  it('says an ordinary web page holds nothing (schema.org JSON-LD is no credential)', async () => {
    expect(await discover('/about')).toMatchObject({ found: 'nothing', reason: 'page-without-credential' });
  });

  it('says other JSON and an image without a badge are not credentials', async () => {
    expect(await discover('/api')).toMatchObject({ found: 'nothing', reason: 'not-a-credential' });
    expect(await discover('/plain.png')).toMatchObject({ found: 'nothing', reason: 'not-a-credential' });
  });

  it('reports a missing page and a private address as unreachable, never a credential', async () => {
    expect(await discover('/gone')).toMatchObject({ found: 'nothing', reason: 'unreachable' });
    const io = createIo({ fetch: fakeFetch(routes()) });
    expect(await discoverCredential('https://192.168.1.10/vc', io)).toMatchObject({ found: 'nothing', reason: 'unreachable' });
  });

  it('follows links the same way verify(url) does (one implementation for CLI and widget src)', async () => {
    const seen: string[] = [];
    const report = await verify(`${ISSUER}/declares`, { fetch: fakeFetch(routes(), seen) });
    expect(seen).toEqual([`${ISSUER}/declares`, `${ISSUER}/vc`]);
    expect(report.checks[0]?.code).toBe('INPUT_READ');
  });
});
