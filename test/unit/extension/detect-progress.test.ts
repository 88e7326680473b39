// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PROGRESS_EVERY, scanCandidates } from '../../../entrypoints/content/detect.js';
import { GENERIC_SITE } from '../../../entrypoints/content/sites/index.js';

const url = 'https://www.example.com/page';

function page(body: string): Document {
  const win = new Window({ url });
  win.document.write(`<!doctype html><body>${body}</body>`);
  return win.document as unknown as Document;
}

/** Runs the scan as the scanner does, counting DOM items visited between two yields through a spy on recognise / text reads. */
function steps(doc: Document, recognise: (u: string) => string | undefined): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const step of scanCandidates(doc.body, GENERIC_SITE, recognise, url)) out.push(step ? step.kind : undefined);
  return out;
}

describe('content scan slicing', () => {
  it('yields to the scanner between finds on a page of links without credentials (no long task)', () => {
    const links = Array.from({ length: 2000 }, (_, i) => `<a href="https://www.example.com/${i}">x</a>`).join('');
    let sinceYield = 0;
    let longest = 0;
    const doc = page(links);
    for (const step of scanCandidates(doc.body, GENERIC_SITE, () => {
      sinceYield++;
      return undefined;
    }, url)) {
      expect(step).toBeUndefined();
      longest = Math.max(longest, sinceYield);
      sinceYield = 0;
    }
    longest = Math.max(longest, sinceYield);
    expect(longest).toBeLessThanOrEqual(PROGRESS_EVERY);
  });

  it('yields between text nodes too, and still finds the credential after them', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `<p>paragraph ${i}</p>`).join('');
    const all = steps(page(`${text}<a href="https://www.example.com/x">x</a>`), () => undefined);
    const progress = all.filter((s) => s === undefined).length;
    expect(progress).toBeGreaterThanOrEqual(Math.floor(1000 / PROGRESS_EVERY));
    const found = steps(page(`${text}<a href="https://www.example.com/cred">x</a>`), (u) => (u.endsWith('/cred') ? u : undefined));
    expect(found.filter((s) => s === 'link')).toHaveLength(1);
  });
});
