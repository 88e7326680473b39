import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The content script runs on every supported page: it must stay small (issue budget: 30 kB gzip) and
// must never pull in the verifier (codes, formats, JSON-LD, crypto), which lives in the background.
describe('content script bundle', () => {
  it('stays within 30 kB gzip and carries no verification code', async () => {
    const result = await build({
      entryPoints: ['entrypoints/content/index.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    expect(gzipSync(code).byteLength).toBeLessThanOrEqual(30 * 1024);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => /lib\/(codes|formats|proofs|keys|io\/contexts|verify)|jsonld|rdf-canonize|jose|zxing/.test(path))).toEqual([]);
  });
});
