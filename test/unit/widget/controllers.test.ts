// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import type { FetchLike, VerificationReport, Verdict } from '../../../lib/index.js';
import { createIo, type VerifyOptions } from '../../../lib/verify.js';
import { parseTrainingRegistry } from '../../../lib/training-registry/index.js';
import { fromFile, fromText, type Attachment } from '../../../widget/attachment.js';
import { FormAssociationController, type FormState } from '../../../widget/controllers/form-association.js';
import { InputController } from '../../../widget/controllers/input.js';
import { PdfListingController } from '../../../widget/controllers/pdf-listing.js';
import { VerificationController, type OptionsFor } from '../../../widget/controllers/verification.js';
import { CredlensChangeEvent, CredlensVerifiedEvent } from '../../../widget/events.js';
import type { FoundCredential, PdfScanResult } from '../../../widget/pdf.js';
import { forgetRegistries, loadRegistries, registryUrls } from '../../../widget/registries.js';
import { runOptions } from '../../../widget/run-options.js';
import { dataAnalysisVcJwt, didJwkIssuer } from '../../support/did-jwk-issuer.js';

/** A reactive-controller host without an element: counts update requests, connects and disconnects its controllers. */
class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  disabled = false;
  readonly renderRoot = document.createElement('div');
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

function found(verdict: Verdict, value = `cred-${verdict}`): FoundCredential {
  return { location: { kind: 'annotation-link', page: 1, url: `https://issuer.example/${verdict}` }, report: { verdict, format: 'vc-jwt', checks: [], verifiedAt: '2026-01-01T00:00:00Z' } as unknown as VerificationReport, value };
}

describe('the PDF listing controller', () => {
  const scan: PdfScanResult = { found: [found('warning'), found('invalid'), found('verified')], notices: [] };

  it('is pending while the PDF is searched, then has no state until the learner ticks a credential', () => {
    const host = new Host();
    const pdf = new PdfListingController(host, () => undefined);
    expect(pdf.state).toBeUndefined();
    pdf.scanning('cv.pdf');
    expect(pdf.state).toBe('pending');
    pdf.listed('cv.pdf', scan);
    expect(pdf.state).toBeUndefined();
    expect(pdf.current?.chosen).toEqual([false, false, false]);
    expect(host.updates).toBeGreaterThanOrEqual(2);
  });

  it('takes the worst verdict among the ticked credentials, and never lets an invalid one be ticked', () => {
    const pdf = new PdfListingController(new Host(), () => undefined);
    pdf.listed('cv.pdf', scan);
    expect(pdf.choose(2, true)).toBe(true);
    expect(pdf.state).toBe('verified');
    expect(pdf.choose(0, true)).toBe(true);
    expect(pdf.state).toBe('warning');
    expect(pdf.choose(1, true)).toBe(false);
    expect(pdf.chosenIndices).toEqual([0, 2]);
    expect(pdf.choose(0, true)).toBe(false); // no change: no change event
    expect(pdf.choose(0, false)).toBe(true);
    expect(pdf.state).toBe('verified');
  });

  it('is unverifiable when the PDF holds no credential', () => {
    const pdf = new PdfListingController(new Host(), () => undefined);
    pdf.listed('empty.pdf', { found: [], notices: [] });
    expect(pdf.state).toBe('unverifiable');
  });

  it('submits one form entry per ticked credential under the element name, and nothing without a name', () => {
    const pdf = new PdfListingController(new Host(), () => undefined);
    pdf.listed('cv.pdf', scan);
    expect(pdf.formValue('credential')).toBeNull();
    pdf.choose(0, true);
    pdf.choose(2, true);
    expect(pdf.formValue('credential')?.getAll('credential')).toEqual(['cred-warning', 'cred-verified']);
    expect(pdf.formValue('')).toBeNull();
  });

  it('opens and closes one credential at a time', () => {
    const pdf = new PdfListingController(new Host(), () => undefined);
    pdf.listed('cv.pdf', scan);
    pdf.toggle(1);
    expect(pdf.current?.expanded).toEqual([false, true, false]);
    pdf.toggle(1);
    pdf.toggle(7); // not in the list: ignored
    expect(pdf.current?.expanded).toEqual([false, false, false]);
  });
});

describe('the form association controller', () => {
  function formHost() {
    const calls: Array<[string, unknown, unknown?]> = [];
    const internals = {
      form: null,
      validity: { valid: true } as ValidityState,
      validationMessage: '',
      setFormValue: (value: unknown) => void calls.push(['value', value]),
      setValidity: (flags: unknown, message?: string) => void calls.push(['validity', flags, message]),
      checkValidity: () => true,
      reportValidity: () => true,
    };
    const host = Object.assign(new Host(), { attachInternals: () => internals as unknown as ElementInternals }) as unknown as Host & HTMLElement;
    return { host, calls };
  }
  const base: FormState = { value: null, required: false, invalid: false, requiredMessage: 'Please attach', invalidMessage: 'Did not pass', anchor: undefined };

  it('reports a missing value only when required, an invalid credential as a custom error, and is valid otherwise', () => {
    let state = base;
    const { host, calls } = formHost();
    const form = new FormAssociationController(host, () => state);
    form.hostConnected();
    expect(calls.splice(0)).toEqual([['value', null], ['validity', {}, undefined]]);
    state = { ...base, required: true };
    form.hostUpdated();
    expect(calls.splice(0)).toEqual([['value', null], ['validity', { valueMissing: true }, 'Please attach']]);
    state = { ...base, required: true, value: 'eyJ…', invalid: true };
    form.sync();
    expect(calls.splice(0)).toEqual([['value', 'eyJ…'], ['validity', { customError: true }, 'Did not pass']]);
    state = { ...base, value: 'eyJ…' };
    form.sync();
    expect(calls.splice(0)).toEqual([['value', 'eyJ…'], ['validity', {}, undefined]]);
  });

  it('works without ElementInternals (an old browser): valid, no form', () => {
    const form = new FormAssociationController(new Host() as unknown as Host & HTMLElement, () => base);
    form.sync();
    expect(form.form).toBeNull();
    expect(form.checkValidity()).toBe(true);
    expect(form.validationMessage).toBe('');
  });
});

describe('the input controller', () => {
  function inputHost() {
    const host = new Host();
    const attached: Attachment[] = [];
    const unreadable: Array<string | undefined> = [];
    const input = new InputController(host, { attach: (a) => void attached.push(a), unreadable: (m) => void unreadable.push(m) });
    host.renderRoot.innerHTML = '<textarea></textarea>';
    return { host, input, attached, unreadable, area: host.renderRoot.querySelector('textarea')! };
  }
  const dropEvent = (data: Record<string, string>, files: File[] = []) =>
    ({ preventDefault() {}, dataTransfer: { files, getData: (type: string) => data[type] ?? '', dropEffect: 'none' } }) as unknown as DragEvent;

  it('turns pasted text into a link or a credential, ignoring blank text', () => {
    const { input, attached, area } = inputHost();
    area.value = '  https://issuer.example/c/1  ';
    input.onVerifyClick();
    area.value = '   ';
    input.onVerifyClick();
    area.value = '{"@context":[]}';
    input.onTextKeydown({ key: 'Enter', ctrlKey: true, metaKey: false, preventDefault() {} } as KeyboardEvent);
    input.onTextKeydown({ key: 'Enter', ctrlKey: false, metaKey: false, preventDefault() {} } as KeyboardEvent);
    expect(attached.map((a) => [a.kind, a.input])).toEqual([
      ['link', 'https://issuer.example/c/1'],
      ['text', '{"@context":[]}'],
    ]);
  });

  it('takes the first link of a dropped URI list (comments skipped), and nothing while disabled', () => {
    const { host, input, attached } = inputHost();
    input.onDrop(dropEvent({ 'text/uri-list': '# from a page\r\nhttps://issuer.example/a\r\nhttps://issuer.example/b' }));
    host.disabled = true;
    input.onDrop(dropEvent({ 'text/plain': 'https://issuer.example/c' }));
    expect(attached.map((a) => a.input)).toEqual(['https://issuer.example/a']);
  });

  it('highlights the drop zone during a drag, once per change', () => {
    const { host, input } = inputHost();
    const over = { preventDefault() {}, dataTransfer: { dropEffect: 'none' } } as unknown as DragEvent;
    input.onDragOver(over);
    input.onDragOver(over);
    expect(input.dragging).toBe(true);
    expect(host.updates).toBe(1);
    input.onDragLeave();
    expect(input.dragging).toBe(false);
    host.disabled = true;
    input.onDragOver(over);
    expect(input.dragging).toBe(false);
  });

  it('reads a dropped file: a PDF to search, a JWT as text, an oversized file refused with a reason', async () => {
    const { input, attached, unreadable } = inputHost();
    await input.readFiles([new File(['%PDF-1.7\n…'], 'cv.pdf', { type: 'application/pdf' })]);
    await input.readFiles([new File(['eyJhbGciOiJFUzI1NiJ9.e30.sig'], 'badge.jwt')]);
    await input.readFiles([new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.json')]);
    expect(attached.map((a) => [a.name, a.pdf, a.value instanceof File ? 'file' : a.value])).toEqual([
      ['cv.pdf', true, 'file'],
      ['badge.jwt', false, 'eyJhbGciOiJFUzI1NiJ9.e30.sig'],
    ]);
    expect(unreadable).toEqual(['huge.json is larger than 10 MB']);
  });
});

describe('attachments', () => {
  it('submit an SVG badge as the file and verify its bytes; a link as text', async () => {
    const svg = await fromFile(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'badge.svg', { type: 'image/svg+xml' }));
    expect(svg.value).toBeInstanceOf(File);
    expect(svg.input).toBeInstanceOf(Uint8Array);
    expect(fromText('https://issuer.example/x')).toMatchObject({ kind: 'link', value: 'https://issuer.example/x', pdf: false });
  });
});

describe('the verification controller (@lit/task)', () => {
  const offline: OptionsFor = async () => ({ options: { offline: true }, registryProblems: [] });

  it('runs lib verify with progress and keeps the report of the finished run', async () => {
    const issuer = await didJwkIssuer();
    const jwt = await dataAnalysisVcJwt(issuer);
    const host = new Host();
    const run = new VerificationController(host, offline, new URL('http://host.test/pdf.worker.js'));
    const result = await run.start({ kind: 'credential', input: jwt });
    expect(result.status).toBe('done');
    const report = run.report!;
    expect(report.format).toBe('vc-jwt');
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('pass');
    expect(run.checks).toEqual(report.checks);
    expect(run.planned.map((p) => p.id)).toEqual(report.checks.map((c) => c.id));
    expect(host.updates).toBeGreaterThan(report.checks.length); // the plan, each check, the end
  });

  it('lets a newer run replace an older one: the older resolves superseded and its result is never kept', async () => {
    let releaseFirst!: () => void;
    const gate = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    const options: OptionsFor = async () => {
      if (calls++ === 0) await gate;
      return { options: { offline: true }, registryProblems: [] };
    };
    const run = new VerificationController(new Host(), options, new URL('http://host.test/pdf.worker.js'));
    const first = run.start({ kind: 'credential', input: '{"first":true}' });
    const second = run.start({ kind: 'credential', input: '{"second":true}' });
    releaseFirst();
    expect(await first).toEqual({ status: 'superseded' });
    const done = await second;
    expect(done.status === 'done' && done.outcome.job).toEqual({ kind: 'credential', input: '{"second":true}' });
    run.cancel();
    expect(run.report).toBeUndefined();
  });

  it('reports a misuse (lib throws) as failed, not as a verdict', async () => {
    const bad: OptionsFor = async () => ({ options: { profile: 'no-such-profile' } as unknown as VerifyOptions, registryProblems: [] });
    const run = new VerificationController(new Host(), bad, new URL('http://host.test/pdf.worker.js'));
    const result = await run.start({ kind: 'credential', input: '{}' });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && String(result.error)).toMatch(/unknown profile/);
    expect(run.report).toBeUndefined();
  });

  it('remembers a run cut off by a disconnection, once, so the element can run it again', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const host = new Host();
    const run = new VerificationController(host, async () => (await gate, { options: { offline: true }, registryProblems: [] }), new URL('http://host.test/w.js'));
    const job = { kind: 'credential' as const, input: '{}' };
    const pending = run.start(job);
    expect(run.running).toBe(true);
    host.disconnect();
    release();
    expect(await pending).toEqual({ status: 'superseded' });
    expect(run.takeInterrupted()).toBe(job);
    expect(run.takeInterrupted()).toBeUndefined();
  });
});

describe('training registries named by the registries attribute', () => {
  const registryJson = readFileSync(join(process.cwd(), 'test/vectors/registries/credlens-registry.json'), 'utf8');
  function network(files: Record<string, string>) {
    const asked: string[] = [];
    const fetch: FetchLike = async (url) => {
      asked.push(url);
      const body = files[url];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { fetch, asked };
  }
  const page = { baseUrl: 'http://127.0.0.1:8080/jobs/apply', origin: 'http://127.0.0.1:8080', network: undefined, lib: { createIo, parseTrainingRegistry } };

  it('splits the attribute on whitespace, each URL once', () => {
    expect(registryUrls('  /a.json\n https://x.example/b.json /a.json ')).toEqual(['/a.json', 'https://x.example/b.json']);
    expect(registryUrls(undefined)).toEqual([]);
  });

  it('reads a same-origin file over plain http on a local address, and refuses http from another origin', async () => {
    forgetRegistries();
    const net = network({ 'http://127.0.0.1:8080/registries/own.json': registryJson, 'http://other.example/r.json': registryJson });
    const { registries, problems } = await loadRegistries('/registries/own.json http://other.example/r.json', { ...page, pageFetch: net.fetch, fetch: net.fetch });
    expect(registries.map((r) => r.id)).toEqual(['example:skills-accounts']);
    expect(problems).toEqual([{ url: 'http://other.example/r.json', reason: expect.stringMatching(/own origin or at an https URL/) }]);
    expect(net.asked).toEqual(['http://127.0.0.1:8080/registries/own.json']);
  });

  it('leaves out, and names, a registry that is missing or not in the format; one read per URL per page', async () => {
    forgetRegistries();
    const net = network({ 'http://127.0.0.1:8080/ok.json': registryJson, 'http://127.0.0.1:8080/bad.json': '{"format":"something-else","entries":[]}' });
    const sources = { ...page, pageFetch: net.fetch, fetch: net.fetch };
    const first = await loadRegistries('/ok.json /bad.json /missing.json', sources);
    expect(first.registries).toHaveLength(1);
    expect(first.problems.map((p) => p.url)).toEqual(['/bad.json', '/missing.json']);
    expect(first.problems[0]!.reason).toMatch(/format/);
    await loadRegistries('/ok.json /bad.json', sources);
    // The good file was read once; the bad one again (a failure is not remembered).
    expect(net.asked.filter((u) => u.endsWith('/ok.json'))).toHaveLength(1);
    expect(net.asked.filter((u) => u.endsWith('/bad.json'))).toHaveLength(2);
  });

  it('are added after the options’ own training registries, and an https registry goes through the proxy', async () => {
    forgetRegistries();
    const asked: string[] = [];
    const fetch: FetchLike = async (url) => (asked.push(url), new Response(registryJson, { status: 200, headers: { 'content-type': 'application/json' } }));
    document.body.innerHTML = '';
    const own = { id: 'first', name: 'First', entries: [] };
    const { options, registryProblems } = await runOptions({
      defaults: { fetch },
      options: { trainingRegistries: [own] },
      proxy: '/proxy?url={url}',
      registries: 'https://registry.example/r.json',
      document,
    });
    expect(registryProblems).toEqual([]);
    expect(options.trainingRegistries?.map((r) => r.id)).toEqual(['first', 'example:skills-accounts']);
    expect(asked).toEqual([new URL(`/proxy?url=${encodeURIComponent('https://registry.example/r.json')}`, document.baseURI).href]);
  });
});

describe('events', () => {
  it('change bubbles like a native field’s and carries what is attached; credlens-verified also crosses shadow roots', () => {
    const change = new CredlensChangeEvent({ attachment: { kind: 'link', name: 'https://x.example/c' }, value: ['https://x.example/c'] });
    expect([change.type, change.bubbles, change.composed]).toEqual(['change', true, false]);
    expect(change.detail.value).toEqual(['https://x.example/c']);
    const verified = new CredlensVerifiedEvent({ verdict: 'verified' } as VerificationReport);
    expect([verified.type, verified.bubbles, verified.composed, verified.detail.verdict]).toEqual(['credlens-verified', true, true, 'verified']);
  });
});
